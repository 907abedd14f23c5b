# requires: classes, datatypes
class Acc:
    def __init__(self):
        self.items = []
    def add(self, x):
        self.items.append(x)
        return self
a = Acc()
f = a.add
f(1)
f(2).add(3)
print(a.items, Acc.add(a, 4).items)
ops = [a.add, print]
ops[0](5)
print(len(a.items))
