# requires: classes, float
# Stores to attributes go through properties and __setattr__ when the class has
# them, straight to the instance otherwise.
class Temp:
    def __init__(self):
        self._c = 0

    @property
    def c(self):
        return self._c

    @c.setter
    def c(self, v):
        self._c = round(v)


class Logged:
    def __setattr__(self, name, value):
        print("set", name, value)
        object.__setattr__(self, name, value)


def bump(t, n):
    for i in range(n):
        t.c = t.c + 1.4
    return t.c


print(bump(Temp(), 5))
lg = Logged()
lg.a = 1
lg.b = lg.a + 1
print(lg.a, lg.b)
