# requires: builtins, datatypes
print(list(), list("abc"), list((1, 2)), list(range(3)), list({1: 2}), list(b"ab"))
a = [1, 2]
b = list(a)
b.append(3)
print(a, b, a is b)
print(list(x * 2 for x in range(3)))
