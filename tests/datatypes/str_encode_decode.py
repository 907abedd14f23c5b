# requires: datatypes
s = "h\u00e9llo \u20ac"
b = s.encode()
print(b, len(b), len(s), b.decode() == s, s.encode("utf-8") == b)
print(b"abc".decode(), bytearray(b"xy").decode("utf-8"), str(b"\xe2\x82\xac", "utf-8"))
