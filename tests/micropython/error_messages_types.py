# requires: exceptions, datatypes
# MicroPython's TypeError messages (py/runtime.c, py/obj.c) differ from CPython's:
# "unsupported types for __add__: 'int', 'str'", "'int' object isn't callable",
# "'int' object isn't subscriptable", "can't convert 'int' object to str implicitly".
def show(fn):
    try:
        fn()
    except Exception as e:
        print(type(e).__name__ + ":", e)
show(lambda: 1 + "a")
show(lambda: "a" + 1)
show(lambda: [1] - [1])
show(lambda: 5())
show(lambda: None())
show(lambda: 5[0])
show(lambda: len(5))
show(lambda: -"a")
show(lambda: 1 < "a")
show(lambda: iter(5))
