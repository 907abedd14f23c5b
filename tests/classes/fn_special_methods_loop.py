# requires: classes, datatypes
# Operators on instances in a hot loop go through their special methods.
class V:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def __add__(self, o):
        return V(self.x + o.x, self.y + o.y)

    def __mul__(self, k):
        return V(self.x * k, self.y * k)

    def __eq__(self, o):
        return self.x == o.x and self.y == o.y

    def __lt__(self, o):
        return (self.x, self.y) < (o.x, o.y)

    def __neg__(self):
        return V(-self.x, -self.y)

    def __repr__(self):
        return "V(%r, %r)" % (self.x, self.y)


acc = V(0, 0)
for i in range(5):
    acc = acc + V(i, 1) * 2
print(acc, -acc, acc == V(20, 10), acc < V(20, 11), V(1, 2) in [V(0, 0), V(1, 2)])
print(sorted([V(2, 1), V(1, 5), V(1, 2)]))
