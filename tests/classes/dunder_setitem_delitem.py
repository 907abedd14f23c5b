# requires: classes, datatypes
class Store:
    def __init__(self):
        self.d = {}
    def __getitem__(self, k):
        return self.d.get(k, "missing")
    def __setitem__(self, k, v):
        print("set", k, v)
        self.d[k] = v
    def __delitem__(self, k):
        print("del", k)
        del self.d[k]
s = Store()
s["a"] = 1
s[1, 2] = "tuple key"
print(s["a"], s[1, 2], s["zz"])
del s["a"]
print(s["a"])
