# requires: builtins, datatypes, exceptions
print(bytes(), bytes(3), bytes([65, 66, 67]), bytes(b"xy"), bytes("h\u00e9", "utf-8"))
print(bytes(range(5)), bytes(bytearray(b"ab")), bytes((255, 0)))
try:
    bytes([256])
except ValueError:
    print("ValueError")
try:
    bytes("abc")
except TypeError:
    print("TypeError")
