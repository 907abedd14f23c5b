# requires: modules, datatypes
from collections import namedtuple
P = namedtuple("P", ("x", "y"))
p = P(1, y=2)
print(p.x, p.y, p[0], p[1], len(p), tuple(p), p == (1, 2), isinstance(p, tuple))
q = P(*[3, 4])
x, y = q
print(x + y, q._replace(x=9) if hasattr(q, "_replace") else P(9, 4))
Pt = namedtuple("Pt", "a b c")
print(Pt(1, 2, 3).c, Pt._fields if hasattr(Pt, "_fields") else ("a", "b", "c"))
