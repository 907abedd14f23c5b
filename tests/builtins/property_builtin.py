# requires: builtins, classes, exceptions
class Temp:
    def __init__(self):
        self._c = 0
    def get_c(self):
        return self._c
    def set_c(self, v):
        print("set", v)
        self._c = v
    c = property(get_c, set_c)
    r = property(get_c)
t = Temp()
t.c = 5
print(t.c, t.r)
try:
    t.r = 1
except AttributeError:
    print("AttributeError")
