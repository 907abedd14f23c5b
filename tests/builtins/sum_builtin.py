# requires: builtins, datatypes, exceptions
print(sum([]), sum([1, 2, 3]), sum(range(101)), sum([1, 2], 10), sum((x * x for x in range(4))))
print(sum([[1], [2]], []), sum(((1,), (2,)), ()))
try:
    sum(["a", "b"])
except TypeError:
    print("TypeError")
