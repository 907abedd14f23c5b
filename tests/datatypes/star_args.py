# requires: datatypes
def f(*args, **kwargs):
    return args, sorted(kwargs.items())
print(f(1, 2, a=3))
print(f(*[1, 2], *(3,), **{"x": 1}))
a, *rest = [1, 2, 3, 4]
*init, last = "abc"
print(a, rest, init, last)
