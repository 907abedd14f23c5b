# requires: datatypes
# Membership tests in functions over every container kind.
def has(c, x):
    return x in c


def lacks(c, x):
    return x not in c


for c in ([1, 2], (1, 2), {1, 2}, frozenset((1, 2)), {1: "a", 2: "b"}, range(1, 3)):
    print(type(c).__name__, has(c, 1), has(c, 3), lacks(c, 2), has(c, "1"))
for c in (b"\x01\x02", bytearray(b"\x01\x02")):
    print(type(c).__name__, has(c, 1), has(c, 3), lacks(c, 2), has(c, b"\x02"))
print(has("abc", "b"), has("abc", "bc"), lacks("abc", "d"), has(b"abc", b"ab"))
