# requires: datatypes
print("%d %s %r" % (5, "s", "s"), "%5d|%-5d|%05d" % (1, 2, 3), "%x %X %o" % (255, 255, 8))
print("%s" % "one", "%%", "%c%c" % (72, "i"), "%(a)s=%(b)d" % {"a": "x", "b": 1})
print("%3s|%-3s|" % ("a", "b"), "%.2s" % "abcdef", "%s and %s" % ([1], (2,)))
