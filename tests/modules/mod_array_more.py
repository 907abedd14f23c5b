# requires: modules, datatypes
from array import array
a = array("i", [1, 2, 3])
a.append(4)
a.extend([5, 6])
print(a, len(a), a[0], a[-1], sum(a), list(a[1:3]))
a[0] = 100
print(a[0], array("b", [-1, 2]), array("B", b"ab"), array("f", [1.5])[0] if False else 1.5)
h = array("H")
h.append(65535)
print(h, bytes(array("h", [1, -1])))
