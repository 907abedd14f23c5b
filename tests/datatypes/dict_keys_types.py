# requires: datatypes, exceptions
d = {}
d[1] = "int"
d["1"] = "str"
d[(1, 2)] = "tuple"
d[True] = "bool-overwrites-1"
d[frozenset([1])] = "fs"
print(len(d), d[1], d["1"], d[(1, 2)], d[frozenset([1])])
try:
    d[[1]] = 0
except TypeError:
    print("TypeError")
try:
    d["nope"]
except KeyError as e:
    print("KeyError", e.args[0])
