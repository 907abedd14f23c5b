# requires: datatypes
# Calls with defaults, keywords, *args and **kwargs, in every mix, through
# functions called often enough to take every call path.
def f(a, b=2, *rest, c=3, **kw):
    return (a, b, rest, c, sorted(kw.items()))


def g(a, b=10):
    return a + b


for i in range(3):
    print(f(i), f(i, 5), f(i, 5, 6, 7), f(i, c=9), f(i, d=4, e=5))
    print(g(i), g(i, 1), g(b=i, a=1), g(*(i, i)), g(**{"a": i}))
args = [1, 2, 3]
kws = {"c": 0, "z": 1}
print(f(*args, **kws))
print(f(0, *args[1:], c=1))
