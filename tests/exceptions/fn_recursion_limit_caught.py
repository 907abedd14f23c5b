# requires: exceptions
# Unbounded recursion raises RuntimeError in MicroPython (RecursionError, its
# subclass, in CPython); the program catches it and carries on.
def down(n):
    return down(n + 1)


def safe():
    try:
        down(0)
    except RuntimeError:
        return "caught"


print(safe())
print(safe())


def fact(n):
    return 1 if n <= 1 else n * fact(n - 1)


print(fact(12))
