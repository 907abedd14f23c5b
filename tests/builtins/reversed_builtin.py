# requires: builtins, datatypes, exceptions
print(list(reversed([1, 2, 3])), list(reversed("abc")), list(reversed((1, 2))))
print(list(reversed(range(1, 10, 2))), list(reversed([])))
try:
    reversed(5)
except TypeError:
    print("TypeError")
