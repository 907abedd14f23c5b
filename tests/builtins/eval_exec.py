# requires: builtins, datatypes, compiler
print(eval("1 + 2 * 3"))
print(eval("[x * x for x in range(4)]"))
g = {"a": 5}
print(eval("a + 1", g))
exec("b = a * 2", g)
print(g["b"])
exec("def f(n):\n    return n + 100\n", g)
print(g["f"](1))
x = 10
print(eval("x + 1"))
exec("y = x * 3")
print(y)
