# requires: modules, datatypes
# Imports inside functions: plain, from-import and an aliased name, each time the
# function runs.
def use_math(x):
    import math
    return math.floor(x)


def use_from(xs):
    from collections import OrderedDict as OD
    d = OD()
    for x in xs:
        d[x] = True
    return list(d)


def use_struct(n):
    from struct import pack, unpack
    return unpack("<H", pack("<H", n))[0]


for i in range(2):
    print(use_math(2.7 + i), use_from("abcab"), use_struct(513 + i))
