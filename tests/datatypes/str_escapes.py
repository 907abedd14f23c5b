# requires: datatypes
print("tab\there", "new\\nline", "quote\"d", 'single\'s', "\x41\x42", "\101", "\u0041")
print(len("\n\t\\"), repr("\x00\x1f"), "a\
b")
print(r"raw\n", b"\x00\x01".hex() if hasattr(b"", "hex") else "0001")
