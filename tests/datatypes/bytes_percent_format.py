# requires: datatypes
# bytes % args and bytearray % args (PEP 461): %s and %b take bytes-like objects, %c an
# int below 256 or a single byte, %r and %a give repr's text; widths count bytes.
print(b"%d|%5d|%-5d|%05d|%+d" % (7, -42, 3, 12, 9))
print(b"%x %X %o %#x %#o %.3d" % (255, 255, 8, 255, 8, 5))
print(b"%s and %b" % (b"spam", bytearray(b"eggs")), b"%s" % memoryview(b"view"))
print(b"[%6s|%-6s|%.2s|%4.1b]" % (b"ab", b"cd", b"efgh", b"ij"))
print(b"%c%c%c" % (72, b"i", bytearray(b"!")), b"%3c|%-3c|" % (65, b"B"))
print(b"%r %a %r" % (b"x\n", "text", 12), b"%s" % b"\xff\x00", b"100%%")
print(b"%(name)s is %(age)d" % {b"name": b"Bob", b"age": 7}, b"%s" % (b"one",))
print(b"%*d|%-*s|%.*s" % (4, 1, 3, b"a", 2, b"xyz"), b"" % (), b"plain" % {})
print(b"\xc3\xa9|%3s|%.1s|" % (b"\xc3\xa9", b"\xc3\xa9"))

# bytearray's result is a bytearray
ba = bytearray(b"n=%d, s=%s")
print(ba % (5, b"x"), type(ba % (5, b"x")).__name__, ba)
acc = b"%d"
acc %= 10
print(acc, type(acc).__name__)
