# requires: builtins, classes, exceptions
class A:
    x = 1
a = A()
setattr(a, "y", 5)
print(a.y, getattr(a, "y"), hasattr(a, "y"))
delattr(a, "y")
print(hasattr(a, "y"))
setattr(A, "z", 7)
print(a.z, A.z)
delattr(A, "z")
print(hasattr(a, "z"))
try:
    delattr(a, "nope")
except AttributeError:
    print("AttributeError")
try:
    setattr(1, "x", 2)
except AttributeError:
    print("AttributeError int")
