# requires: builtins, classes
o = object()
p = object()
print(o == o, o == p, o is not p, type(o) is object, isinstance(o, object))
class A(object):
    pass
print(isinstance(A(), object), issubclass(A, object))
