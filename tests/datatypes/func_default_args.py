# requires: datatypes
def f(a, b=10, c=100):
    return a + b + c
print(f(1), f(1, 2), f(1, 2, 3), f(1, c=5), f(a=0, b=0))
