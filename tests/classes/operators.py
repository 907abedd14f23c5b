# requires: classes, datatypes
class V:
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __add__(self, o):
        return V(self.x + o.x, self.y + o.y)
    def __sub__(self, o):
        return V(self.x - o.x, self.y - o.y)
    def __mul__(self, k):
        return V(self.x * k, self.y * k)
    def __eq__(self, o):
        return self.x == o.x and self.y == o.y
    def __repr__(self):
        return "V(%d, %d)" % (self.x, self.y)
a, b = V(1, 2), V(3, 4)
print(a + b, b - a, a * 3, a == V(1, 2), a != b)
