# requires: datatypes
print((1024).to_bytes(2, "big"), (1024).to_bytes(4, "little"), (255).to_bytes(1, "big"))
print(int.from_bytes(b"\x01\x00", "big"), int.from_bytes(b"\x01\x00", "little"), int.from_bytes(b"", "big"))
print(int.from_bytes(bytes([0xFF, 0xFF]), "big"), (0).to_bytes(3, "big"))
