# requires: bigint, float, datatypes
print(7 // 2, -7 // 2, 7 % 3, -7 % 3, 2 ** 10, 1 << 5, 1024 >> 3, 6 & 3, 6 | 3, 6 ^ 3, ~5)
print(int("42"), int("ff", 16), int("-10"), int(3.9), int(True), bool(0), bool(7))
print((255).to_bytes(2, "big"), int.from_bytes(b"\x01\x00", "little"))
