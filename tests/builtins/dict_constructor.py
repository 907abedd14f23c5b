# requires: builtins, datatypes
print(dict(), dict(a=1, b=2) == {"a": 1, "b": 2}, dict([(1, 2), (3, 4)]), dict({5: 6}))
print(sorted(dict([("x", 1)], y=2).items()), dict(zip("ab", [1, 2])) == {"a": 1, "b": 2})
print(dict.fromkeys("abc"), dict.fromkeys([1, 2], 0))
