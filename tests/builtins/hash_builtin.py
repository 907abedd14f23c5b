# requires: builtins, datatypes, exceptions
print(hash(0), hash(1), hash(-1) == hash(-1), hash(True), hash(False))
print(hash("abc") == hash("ab" + "c"), hash((1, 2)) == hash((1, 2)))
print(hash(b"x") == hash(b"x"), hash(frozenset([1])) == hash(frozenset([1])))
for bad in ([], {}, set()):
    try:
        hash(bad)
    except TypeError:
        print("TypeError", type(bad).__name__)
d = {(1, 2): "t", "s": 1, 3: 4}
print(d[(1, 2)], d["s"], d[3])
