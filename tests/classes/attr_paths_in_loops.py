# requires: classes, exceptions
# Attribute loads and stores repeated in loops, on instances whose classes change
# under them: members, class attributes, properties added later, __setattr__, lists.


class Point:
    scale = 2

    def __init__(self, x):
        self.x = x


p = Point(1)
total = 0
for i in range(50):
    p.x = i
    total += p.x * p.scale
print("plain", total)

# a member shadows the class attribute; deleting it shows the class's again
p.scale = 10
print("shadowed", p.scale, Point.scale)
del p.scale
print("unshadowed", p.scale)


# a property added to the class after instances were made takes over their stores
def get_x(self):
    return self._x * 100


def set_x(self, v):
    self._x = v + 1


for i in range(3):
    p.x = i
print("before property", p.x)
del p.x  # MicroPython reads an instance's own member before a class's property
Point.x = property(get_x, set_x)
for i in range(3):
    p.x = i
print("after property", p.x, p._x)
del Point.x
p.x = 7
print("property gone", p.x)


class Logged:
    def __init__(self):
        self.log = []

    def __setattr__(self, name, value):
        if name != "log":
            self.log.append(name)
        object.__setattr__(self, name, value)


q = Logged()
for i in range(4):
    q.a = i
print("setattr", q.a, q.log)


class Stack(list):
    def __init__(self):
        super().__init__()
        self.pushes = 0

    def push(self, v):
        self.append(v)
        self.pushes += 1


s = Stack()
for i in range(5):
    s.push(i)
print("list subclass", s, s.pushes, s.__class__.__name__)

try:
    p.missing
except AttributeError as e:
    print("missing", e)
try:
    del p.missing
except AttributeError as e:
    print("del missing", type(e).__name__)
print("class and dict", p.__class__ is Point, sorted(p.__dict__))
