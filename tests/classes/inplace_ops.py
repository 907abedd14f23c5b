# requires: classes, datatypes
class Acc:
    def __init__(self):
        self.v = 0
    def __iadd__(self, n):
        self.v += n
        return self
a = Acc()
a += 5
a += 7
print(a.v)
lst = [1]
lst += [2, 3]
print(lst)
