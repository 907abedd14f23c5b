# requires: builtins, classes, datatypes
class A:
    def meth(self):
        pass
    val = 3
a = A()
a.inst = 1
names = dir(a)
print("meth" in names, "val" in names, "inst" in names)
print("meth" in dir(A), "append" in dir([]), "keys" in dir({}), "join" in dir(""))
