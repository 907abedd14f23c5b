# requires: classes, datatypes
# super() calls through three levels, in __init__ and in ordinary methods.
class A:
    def __init__(self):
        self.log = ["A"]

    def name(self):
        return "A"


class B(A):
    def __init__(self):
        super().__init__()
        self.log.append("B")

    def name(self):
        return "B>" + super().name()


class C(B):
    def __init__(self):
        super().__init__()
        self.log.append("C")

    def name(self):
        return "C>" + super().name()


for _ in range(2):
    c = C()
    print(c.log, c.name(), B().name())
