# requires: datatypes
# Star arguments in calls inside functions: positional and keyword expansion,
# mixed with plain arguments, from lists, tuples, ranges, strings and dicts.
def f(*args, **kw):
    return args, sorted(kw.items())


def g(a, b, c=0):
    return a * 100 + b * 10 + c


def calls(xs, d):
    return f(*xs), f(0, *xs), f(*xs, **d), f(1, *xs, k=2), g(*xs[:2]), g(1, *xs[:2])


print(calls([1, 2, 3], {"k": 1}))
print(calls((4, 5), {}))
print(calls(range(2), {"c": 9}), f(*"ab"), f(*"ab", **{}))
print(g(**{"a": 1, "b": 2}), g(1, **{"c": 3, "b": 2}))
