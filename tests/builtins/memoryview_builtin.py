# requires: builtins, datatypes
b = bytearray(b"hello")
m = memoryview(b)
print(len(m), m[0], bytes(m[1:3]))
m[0] = 72
print(b)
m2 = m[1:]
m2[0] = 69
print(b, bytes(m2))
print(bytes(memoryview(b"abc")[::1]) if False else bytes(memoryview(b"abc")))
