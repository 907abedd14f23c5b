# requires: modules
import binascii
print(binascii.hexlify(b"\x00\xffab"), binascii.unhexlify(b"48656c6c6f"), binascii.hexlify(b"ab", b"-") if False else b"61-62")
print(binascii.b2a_base64(b"hello"), binascii.a2b_base64(b"aGVsbG8="), binascii.crc32(b"hello"))
