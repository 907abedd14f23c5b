# requires: datatypes, exceptions
f = frozenset([1, 2, 3])
g = frozenset([3, 4])
print(sorted(f | g), sorted(f & g), sorted(f - g), sorted(f ^ g), type(f | g).__name__)
print(f.issubset({1, 2, 3, 4}), 2 in f, len(f), {f: 1}[frozenset([3, 2, 1])])
try:
    f.add(4)
except AttributeError:
    print("AttributeError")
