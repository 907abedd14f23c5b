# requires: classes, datatypes
class Adder:
    def __init__(self, n):
        self.n = n
    def __call__(self, x):
        return x + self.n
    def __str__(self):
        return "Adder(+%d)" % self.n
add5 = Adder(5)
print(add5(10), str(add5), callable(add5))
print(list(map(add5, [1, 2])))
