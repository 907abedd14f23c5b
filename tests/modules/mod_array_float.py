# requires: modules, datatypes, float
# array's float typecodes 'f' (float32) and 'd' (float64). The values are exact in
# single precision too, so every board prints the same.
from array import array

a = array("f", [1.0, 2.5])
print(a, len(a), a[0], a[-1])
a.append(-0.125)
a.append(3)
a.extend([4.75, 0.5])
a.extend(array("f", [16.0]))
print(a, len(a))
a[1] = -8
a[-1] = 0.25
print(a[1], a[-1], a[1:3], a[::2], a[5:1:-2], a[10:])
total = 0.0
for x in a:
    total += x
print(total, sum(a), list(a), [type(x).__name__ for x in a[:2]])

d = array("d", (x / 4 for x in range(-2, 3)))
print(d, d[2], d[-1], list(reversed(d)))
print(array("d"), array("f", []), array("d", [7]))

# equality goes by value, across the two float sizes and with ints
print(a == array("f", list(a)), d == array("d"), array("f", [1.5]) == array("d", [1.5]))
print(array("f", [2.0, 3.0]) == array("i", [2, 3]), array("d", [1.0]) == array("d", [1.0, 2.0]))

# the raw bytes, and arrays made from them
print(bytes(array("f", [1.5, -2.0])), bytes(array("d", [0.375])))
print(array("f", b"\x00\x00\xc0\x3f\x00\x00\x00\xc0"), array("d", bytes(d)) == d)
print(len(bytes(a)), len(bytes(d)))
