# requires: classes, datatypes
# Method calls and attribute reads in loops: instance attributes, class
# attributes, inherited and overridden methods, bound methods kept in variables.
class Base:
    scale = 2

    def __init__(self, v):
        self.v = v

    def get(self):
        return self.v * self.scale

    def twice(self):
        return self.get() + self.get()


class Child(Base):
    scale = 3

    def get(self):
        return Base.get(self) + 1


objs = [Base(1), Child(1), Base(2), Child(2)]
total = 0
for _ in range(10):
    for o in objs:
        total += o.twice()
print(total)
m = objs[1].get
print(m(), [o.get() for o in objs], Child.scale, objs[0].scale)
objs[0].scale = 10
print(objs[0].get(), Base.scale)
