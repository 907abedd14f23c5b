# requires: classes, datatypes
class Adder:
    def __init__(self, n):
        self.n = n
    def __call__(self, x, y=0):
        return x + self.n + y
    def __repr__(self):
        return "Adder(%d)" % self.n
class OnlyStr:
    def __str__(self):
        return "str-form"
a = Adder(5)
print(a(1), a(1, y=2), list(map(a, [1, 2])), repr(a), str(a), [a])
print(str(OnlyStr()), "%s" % OnlyStr(), "{}".format(OnlyStr()))
