# requires: classes
class Dyn:
    def __getattr__(self, name):
        return name.upper()
d = Dyn()
d.real = 1
print(d.real, d.hello, d.abc)
