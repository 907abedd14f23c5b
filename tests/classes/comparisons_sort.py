# requires: classes, datatypes
class P:
    def __init__(self, n):
        self.n = n
    def __lt__(self, o):
        return self.n < o.n
    def __repr__(self):
        return "P%d" % self.n
print(sorted([P(3), P(1), P(2)]), min(P(5), P(4)), max([P(1), P(9)]))
