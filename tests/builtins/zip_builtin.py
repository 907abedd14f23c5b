# requires: builtins, datatypes
print(list(zip()), list(zip([1, 2, 3], "ab")), list(zip(range(3), range(10, 13), "xyz")))
a, b = zip(*[(1, 2), (3, 4), (5, 6)])
print(a, b)
print(dict(zip("abc", range(3))))
z = zip([1], [2])
print(next(z), list(z))
