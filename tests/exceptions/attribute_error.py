# requires: classes, exceptions
class A:
    pass
a = A()
try:
    a.missing
except AttributeError:
    print("AttributeError")
print(getattr(a, "missing", "default"), hasattr(a, "x"))
a.x = 5
print(hasattr(a, "x"), a.x)
