# requires: classes, datatypes
class Bag:
    def __init__(self):
        self.items = {}
    def __setitem__(self, k, v):
        self.items[k] = v
    def __getitem__(self, k):
        return self.items[k]
    def __len__(self):
        return len(self.items)
    def __contains__(self, k):
        return k in self.items
b = Bag()
b["a"] = 1
b["b"] = 2
print(len(b), b["a"], "a" in b, "z" in b, bool(b))
