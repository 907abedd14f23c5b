# requires: modules, datatypes
from collections import OrderedDict
od = OrderedDict()
for k in "zyxw":
    od[k] = ord(k)
print(list(od.keys()), list(od.values()), list(od.items())[0])
del od["y"]
od["y"] = 0
print(list(od), od.popitem(), len(od))
print(list(OrderedDict([("b", 1), ("a", 2)])))
