# requires: datatypes
# Augmented assignment on mutable values changes them in place (the same list is
# seen through every name); on immutable ones it rebinds.
def grow(xs, ys):
    zs = xs
    zs += ys
    return xs is zs


def rebuild(t, u):
    v = t
    v += u
    return v is t, v


a = [1]
print(grow(a, [2, 3]), a)
print(rebuild((1,), (2,)), rebuild("a", "b")[1])
b = [0]
b *= 3
s = {1}
s |= {2}
d = bytearray(b"x")
d += b"yz"
print(b, s, d)
