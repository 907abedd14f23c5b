# requires: builtins, classes, exceptions
class P:
    a = 1
    def m(self):
        return "m"
p = P()
print(getattr(p, "a"), getattr(p, "b", "default"), getattr(p, "m")())
print(hasattr(p, "a"), hasattr(p, "b"), hasattr(P, "m"), hasattr(1, "nope"))
try:
    getattr(p, "b")
except AttributeError:
    print("AttributeError")
print(getattr("abc", "upper")(), getattr([], "nope", None))
