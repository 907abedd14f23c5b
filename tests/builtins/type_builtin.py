# requires: builtins, classes, datatypes
class K: pass
print(type(1), type("s"), type([]), type(()), type({}), type(None))
print(type(1) is int, type(K()) is K, type(K) is type, type(type) is type)
print(type(len) == type(print))
print(type(1).__name__, K.__name__, type(K()).__name__)
