# requires: modules, datatypes
from collections import namedtuple, OrderedDict
Point = namedtuple("Point", ["x", "y"])
p = Point(3, 4)
print(p.x, p.y, p[0], p, p._replace(x=9))
od = OrderedDict()
od["z"] = 1
od["a"] = 2
print(list(od.keys()), list(od.items()))
