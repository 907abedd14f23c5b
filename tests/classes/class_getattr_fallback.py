# requires: classes, exceptions
class Dyn:
    real = 1
    def __getattr__(self, name):
        if name.startswith("x"):
            return name.upper()
        raise AttributeError(name)
d = Dyn()
print(d.real, d.xyz, getattr(d, "xa"), hasattr(d, "nope"), getattr(d, "nope", "dflt"))
