# requires: builtins, datatypes, exceptions
print(len(""), len("abc"), len("\u00e9\u20ac"), len(b"ab"), len(bytearray(3)))
print(len([]), len([1, 2]), len(()), len({1: 2}), len({1, 2, 3}), len(range(10)))
print(len(range(0, 10, 3)), len(range(10, 0, -2)), len(frozenset("aab")))
for bad in (1, None, 2.5 if False else 1):
    try:
        len(bad)
    except TypeError:
        print("TypeError")
