# requires: datatypes, exceptions
# What bytes % args refuses: text for %s and %c, bytes too long or ints too big for %c,
# %b on a str, too few or too many arguments.
cases = (
    lambda: b"%s" % "text",
    lambda: b"%b" % 5,
    lambda: b"%c" % b"ab",
    lambda: b"%c" % "a",
    lambda: b"%c" % 256,
    lambda: b"%c" % -1,
    lambda: b"%d" % b"1",
    lambda: b"%s %s" % (b"a",),
    lambda: b"%s" % (b"a", b"b"),
    lambda: b"%(k)s" % {"k": b"str key"},
    lambda: b"%(k)s" % (b"v",),
    lambda: b"%" % (),
    lambda: b"%y" % 1,
    lambda: "%b" % b"x",
    lambda: memoryview(b"%d") % 1,
)
for i, case in enumerate(cases):
    try:
        print(i, case())
    except (TypeError, ValueError, OverflowError, KeyError) as e:
        print(i, type(e).__name__)
