# requires: builtins, datatypes
print(str(), str(1), str(-3), str("x"), str(None), str(True), str([1, "a"]), str((1,)))
print(str(b"ab", "utf-8"), str(bytearray(b"cd"), "utf-8"), str(b"\xc3\xa9", "utf8"))
print(str({"a": 1}), str(range(3)))
