# requires: datatypes
ba = bytearray(b"abc")
ba.append(100)
ba.extend(b"ef")
ba[0] = 65
ba[1:3] = b"XYZ"
print(ba, len(ba), ba.decode(), bytes(ba).find(b"Z"), bytes(ba[::2]))
del ba[0]
print(ba, ba == b"XYZdef", ba + b"!", bytearray(3) == bytearray([0, 0, 0]))
