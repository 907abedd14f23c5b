# requires: modules, datatypes, exceptions
import struct
print(struct.pack("<HI", 1, 2), struct.pack(">h", -2), struct.pack("<q", -1), struct.pack("3s", b"abcd"))
print(struct.unpack("<HI", b"\x01\x00\x02\x00\x00\x00"), struct.unpack(">bB", b"\xff\xff"), struct.calcsize("<iHb"))
buf = bytearray(8)
struct.pack_into("<I", buf, 2, 0xDEADBEEF)
print(buf, struct.unpack_from("<I", buf, 2)[0] == 0xDEADBEEF)
try:
    struct.unpack("<I", b"12")
except Exception:
    print("error: buffer too short")
