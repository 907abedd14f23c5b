# requires: exceptions, datatypes
# Operator failures inside functions raise the right exception types (messages
# differ between MicroPython and CPython, so only the type is printed).
def add(a, b):
    return a + b


def div(a, b):
    return a / b


def fdiv(a, b):
    return a // b


def mod(a, b):
    return a % b


def neg(a):
    return -a


def inv(a):
    return ~a


cases = [
    (add, (1, "a")), (add, ("a", 1)), (add, ([1], (2,))), (div, (1, 0)), (div, (1.5, 0.0)),
    (fdiv, (7, 0)), (mod, (7, 0)), (mod, (7.0, 0.0)), (neg, ("x",)), (inv, (1.5,)),
    (add, (None, None)),
]
for fn, args in cases:
    try:
        print(fn(*args))
    except Exception as e:
        print(type(e).__name__)
print(add(2, 3), div(7, 2), fdiv(-7, 2), mod(-7, 3), neg(5), inv(5))
print(add([1], [2]), add("a", "b"), fdiv(7.5, 2), mod(-7.5, 2))
