# requires: classes
class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y
    @classmethod
    def origin(cls):
        return cls(0, 0)
    @staticmethod
    def dist2(a, b):
        return (a.x - b.x) ** 2 + (a.y - b.y) ** 2
class Point3(Point):
    pass
p = Point3.origin()
print(type(p).__name__, p.x, Point.dist2(Point(1, 1), Point(4, 5)), Point(0, 0).dist2(p, Point(3, 4)))
