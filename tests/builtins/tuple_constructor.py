# requires: builtins, datatypes
print(tuple(), tuple("ab"), tuple([1, 2]), tuple(range(2)), tuple(x for x in "xyz"))
t = (1, 2)
print(tuple(t) is t or tuple(t) == t)
