# requires: exceptions, datatypes
# MicroPython's messages for lookup and value errors (py/sequence.c, py/objstr.c,
# py/runtime.c, py/objint.c): "object not in sequence" for list.index/remove,
# "need more than 1 values to unpack", "invalid syntax for integer with base 10".
def show(fn):
    try:
        fn()
    except Exception as e:
        print(type(e).__name__ + ":", e)
show(lambda: [1, 2].index(5))
show(lambda: [1, 2].remove(5))
show(lambda: "abc".index("z"))
show(lambda: int("12x"))
show(lambda: int("zz", 16))
show(lambda: [][0])
show(lambda: ()[1])
show(lambda: "ab"[5])
show(lambda: {}.pop("k"))
show(lambda: [].pop())
def unpack2(seq):
    a, b = seq
show(lambda: unpack2([1]))
show(lambda: unpack2([1, 2, 3]))
