# requires: exceptions, classes
# MicroPython says "name 'x' isn't defined" (py/runtime.c) and for a local read
# before assignment "local variable referenced before assignment" (py/vm.c); the
# attribute message is "'A' object has no attribute 'y'" and for a type
# "type object 'A' has no attribute 'y'" as in CPython.
class A:
    pass
def show(fn):
    try:
        fn()
    except Exception as e:
        print(type(e).__name__ + ":", e)
show(lambda: undefined_name)
def local_first():
    print(v)
    v = 1
show(local_first)
show(lambda: A().y)
show(lambda: A.y)
show(lambda: (1).nope)
