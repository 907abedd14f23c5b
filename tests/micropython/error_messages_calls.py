# requires: exceptions
# MicroPython's argument errors (py/bc.c, py/argcheck.c): "function takes 2 positional
# arguments but 1 were given", "function missing required keyword argument 'k'",
# "unexpected keyword argument 'z'", "function got multiple values for argument 'a'".
def f(a, b):
    return a
def g(*, k):
    return k
def show(fn):
    try:
        fn()
    except Exception as e:
        print(type(e).__name__ + ":", e)
show(lambda: f(1))
show(lambda: f(1, 2, 3))
show(lambda: g())
show(lambda: f(1, 2, z=3))
show(lambda: f(1, a=2))
show(lambda: len())
show(lambda: len(1, 2))
