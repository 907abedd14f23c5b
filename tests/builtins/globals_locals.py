# requires: builtins, datatypes, classes
g = globals()
print(g["__name__"], "g" in g)
z = 4
print(globals()["z"])
globals()["made"] = 9
print(made)
print(locals() is globals())
class C:
    x = 1
    print(sorted(locals().items()) if False else "x" in locals())
