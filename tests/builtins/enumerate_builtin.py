# requires: builtins, datatypes
print(list(enumerate("abc")))
print(list(enumerate([10, 20], 5)))
print(list(enumerate([], 3)))
print(list(enumerate("xy", start=-2)))
e = enumerate(range(3))
print(next(e), next(e))
for i, (a, b) in enumerate(zip("ab", "cd")):
    print(i, a, b)
