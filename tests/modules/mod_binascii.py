# requires: modules, datatypes
import binascii
print(binascii.hexlify(b"\x00\xffab"), binascii.unhexlify(b"6869"))
print(binascii.b2a_base64(b"hello"), binascii.a2b_base64(b"aGVsbG8="), binascii.crc32(b"abc"))
