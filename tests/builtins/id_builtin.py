# requires: builtins, datatypes
a = [1]
b = a
c = [1]
print(id(a) == id(b), id(a) == id(c), id(None) == id(None))
print(type(id(a)) is int)
