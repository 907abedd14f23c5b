# requires: datatypes
b = b"hello"
print(b[0], b[1:3], b + b"!", b * 2, len(b), b"ell" in b)
ba = bytearray(b"abc")
ba[0] = 65
ba.append(68)
print(ba, bytes(ba), list(ba), bytes([1, 2, 3]), bytes(3))
print("héllo".encode(), b"abc".decode())
