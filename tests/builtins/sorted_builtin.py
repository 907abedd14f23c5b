# requires: builtins, datatypes, exceptions
print(sorted([3, 1, 2]), sorted("banana"), sorted((5, -1)), sorted({3: 0, 1: 0}))
print(sorted([3, 1, 2], reverse=True), sorted(["bb", "a", "ccc"], key=len))
print(sorted([(1, "b"), (1, "a"), (0, "z")]))
data = [("x", 2), ("y", 1), ("z", 2)]
print(sorted(data, key=lambda t: t[1]))
try:
    sorted([1, "a"])
except TypeError:
    print("TypeError")
