# requires: builtins, datatypes, classes
vals = [1, "s", b"b", [1], (1,), {1: 1}, {1}, frozenset(), None, range(1), bytearray()]
types = (int, str, bytes, list, tuple, dict, set, frozenset, type(None), range, bytearray)
for v in vals:
    print([t.__name__ for t in types if isinstance(v, t)])
