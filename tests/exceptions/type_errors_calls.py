# requires: exceptions, datatypes
def f(a, b):
    return a + b
for args in ((1,), (1, 2, 3)):
    try:
        f(*args)
    except TypeError:
        print("TypeError", len(args))
try:
    f(1, c=2)
except TypeError:
    print("kw TypeError")
