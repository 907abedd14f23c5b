# requires: classes, datatypes
class V:
    def __init__(self, x):
        self.x = x
    def __eq__(self, o):
        return isinstance(o, V) and self.x == o.x
    def __lt__(self, o):
        return self.x < o.x
    def __le__(self, o):
        return self.x <= o.x
    def __repr__(self):
        return "V(%d)" % self.x
a, b = V(1), V(2)
print(a == V(1), a != V(1), a == b, a != b, a < b, b < a, a <= V(1))
print(sorted([V(3), V(1), V(2)]), min(V(5), V(4)), V(1) in [V(0), V(1)])
print(b > a, b >= a)
