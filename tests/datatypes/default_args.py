# requires: datatypes
def f(a, b=2, *, c=3, d):
    return a, b, c, d
print(f(1, d=4), f(1, 5, c=6, d=7))
def g(x, y=[]):
    y.append(x)
    return len(y)
print(g(1), g(2), g(3, []))
