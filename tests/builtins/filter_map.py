# requires: builtins, datatypes
print(list(filter(None, [0, 1, "", "a", None, [], [0]])))
print(list(filter(lambda x: x % 2, range(10))))
print(list(map(abs, [-1, 2, -3])))
print(list(map(lambda a, b: a * b, [1, 2, 3], [4, 5, 6, 7])))
print(list(map(str, range(3))))
m = map(int, "123")
print(next(m), list(m))
print(tuple(filter(str.isdigit, "a1b2c3")))
