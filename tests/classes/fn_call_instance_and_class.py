# requires: classes, datatypes
# Calling classes, instances with __call__, static and class methods, and bound
# methods passed around as values.
class Adder:
    def __init__(self, n):
        self.n = n

    def __call__(self, x):
        return x + self.n

    @staticmethod
    def double(x):
        return 2 * x

    @classmethod
    def make(cls, n):
        return cls(n)


def apply(f, xs):
    return [f(x) for x in xs]


a = Adder.make(3)
print(apply(a, [1, 2]), apply(Adder.double, [1, 2]), apply(a.double, [5]))
print(apply(Adder, [1, 2])[1].n, apply(str.upper, ["a", "b"]), apply(len, ["ab", ""]))
