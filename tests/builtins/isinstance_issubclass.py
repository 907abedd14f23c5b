# requires: builtins, classes, exceptions
class A: pass
class B(A): pass
class C: pass
b = B()
print(isinstance(b, A), isinstance(b, B), isinstance(b, C), isinstance(b, (C, A)))
print(issubclass(B, A), issubclass(A, B), issubclass(B, (C, A)), issubclass(A, object))
print(isinstance(1, int), isinstance(True, int), isinstance("s", str), isinstance(1, (str, int)))
print(issubclass(bool, int), issubclass(KeyError, LookupError), issubclass(int, object))
try:
    issubclass(b, A)
except TypeError:
    print("TypeError")
try:
    isinstance(b, 1)
except TypeError:
    print("TypeError")
