# requires: builtins, datatypes
print(bytearray(), bytearray(2), bytearray(b"ab"), bytearray([1, 2, 255]), bytearray("hi", "utf-8"))
b = bytearray(b"abc")
b[0] = 65
b.append(100)
b.extend(b"ef")
print(b, len(b), b[1], b[-1], b[1:3])
print(bytearray(range(3)) == b"\x00\x01\x02")
