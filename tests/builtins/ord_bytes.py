# requires: builtins, datatypes
print(ord(b"a"), ord(bytearray(b"\xff")), ord("\x00"))
print([ord(c) for c in "Hi!"])
