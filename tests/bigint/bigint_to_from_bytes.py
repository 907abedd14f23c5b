# requires: bigint, datatypes
n = 2 ** 80 + 12345
b = n.to_bytes(12, "big")
print(b, int.from_bytes(b, "big") == n, int.from_bytes(n.to_bytes(11, "little"), "little") == n)
