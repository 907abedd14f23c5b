# requires: builtins, datatypes, exceptions
print(max(1, 5, 3), min(1, 5, 3), max([4, 9, 2]), min("hello"))
print(max([], default=7), min((), default=None))
print(max(["aa", "b", "ccc"], key=len), min(["aa", "b", "ccc"], key=len))
print(max((1, "a"), (1, "b")), min([[2], [1, 5]]))
print(max(range(5), key=lambda x: -x))
try:
    max([])
except ValueError:
    print("ValueError")
try:
    min(1, "a")
except TypeError:
    print("TypeError")
