# requires: builtins, classes
class M:
    n = 2
    def s(x):
        return x * 10
    s = staticmethod(s)
    def c(cls, x):
        return cls.n * x
    c = classmethod(c)
class N(M):
    n = 3
print(M.s(1), M().s(2), M.c(5), N.c(5), N().c(1))
