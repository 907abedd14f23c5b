# requires: classes
# MicroPython's locals() returns the dict of the current name scope
# (py/modbuiltins.c mp_builtin_locals -> mp_locals_get()); a function call doesn't
# change it (py/objfun.c sets only the globals), so inside a function locals() is the
# module's dict: function locals live in slots and their names aren't in the .mpy.
# In a class body it is the class's dict being built, as in CPython.
top = 1
def f(a):
    b = a + 1
    loc = locals()
    print(loc is globals(), "a" in loc, "b" in loc, "top" in loc)
f(1)
class C:
    x = 5
    print("x" in locals(), "top" in locals())
print(locals() is globals())
