# requires: classes
def make(tag):
    class Tagged:
        def get(self):
            return tag
    return Tagged
A = make("a")
B = make("b")
print(A().get(), B().get(), A is B)
class Outer:
    class Inner:
        v = 3
    def inner_v(self):
        return self.Inner.v
print(Outer().inner_v(), Outer.Inner.v)
