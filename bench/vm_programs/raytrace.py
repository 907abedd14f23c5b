class Vec:
    def __init__(self, x, y, z):
        self.x, self.y, self.z = x, y, z
    def __add__(self, o):
        return Vec(self.x + o.x, self.y + o.y, self.z + o.z)
    def __sub__(self, o):
        return Vec(self.x - o.x, self.y - o.y, self.z - o.z)
    def scale(self, k):
        return Vec(self.x * k, self.y * k, self.z * k)
    def dot(self, o):
        return self.x * o.x + self.y * o.y + self.z * o.z
def hit(center, radius, origin, direction):
    oc = origin - center
    b = oc.dot(direction)
    c = oc.dot(oc) - radius * radius
    return b * b - c > 0
def render(w, h):
    center = Vec(0.0, 0.0, -3.0)
    origin = Vec(0.0, 0.0, 0.0)
    rows = []
    for j in range(h):
        row = ""
        for i in range(w):
            d = Vec((i - w / 2) / w, (j - h / 2) / h, -1.0)
            n = d.dot(d) ** 0.5
            row += "#" if hit(center, 1.0, origin, d.scale(1 / n)) else "."
        rows.append(row)
    return rows
for r in render(40, 20):
    print(r)
