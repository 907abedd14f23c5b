# requires: modules, datatypes, float
# struct's float codes: 'f' (4 bytes) and 'd' (8 bytes) under every byte order prefix.
# The values are exact in single precision too, so every board prints the same.
import struct

for prefix in ("", "@", "=", "<", ">", "!"):
    for code in "fd":
        fmt = prefix + code
        packed = struct.pack(fmt, -2.25)
        print(repr(fmt), struct.calcsize(fmt), packed, struct.unpack(fmt, packed))

# ints are taken as floats; a count repeats the code
print(struct.pack("<2f", 1, 0.5), struct.unpack(">2d", struct.pack(">2d", 3, -0.125)))
print(struct.pack("<f", 0.1), struct.pack(">f", 1e-3))

# mixed with the int codes: standard sizes have no padding, native ones align
print(struct.calcsize("<bd"), struct.calcsize(">hfb"), struct.calcsize("@bd") >= 9)
rec = struct.pack("<HdBf", 7, 1.5, 255, -0.75)
print(len(rec), rec)
print(struct.unpack("<HdBf", rec))
native = struct.pack("@bdf", -1, 6.5, 8.0)
print(len(native) == struct.calcsize("@bdf"), struct.unpack("@bdf", native))

# into and out of a buffer at an offset (negative: from the end)
buf = bytearray(16)
struct.pack_into("<d", buf, 4, 1024.5)
struct.pack_into(">f", buf, -4, -3.0)
print(buf)
print(struct.unpack_from("<d", buf, 4), struct.unpack_from(">f", buf, 12))
print(struct.unpack_from("<f", b"\x00\x00\x00\x00\x00\x00\xc0\x3f", 4))

# special values survive the round trip
inf = float("inf")
print(struct.unpack("<d", struct.pack("<d", inf)), struct.unpack(">f", struct.pack(">f", -inf)))
nan = struct.unpack("<f", struct.pack("<f", float("nan")))[0]
print(nan != nan, struct.pack(">d", 0.0), struct.unpack(">d", struct.pack(">d", -0.0)))
