# requires: modules, datatypes
import struct
p = struct.pack("<HhB", 513, -2, 7)
print(p, len(p), struct.calcsize("<HhB"))
print(struct.unpack("<HhB", p), struct.unpack(">I", b"\x00\x00\x01\x00"))
