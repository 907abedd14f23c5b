# requires: exceptions
def g():
    try:
        raise KeyError("k")
    except KeyError:
        print("inner")
        raise
try:
    g()
except LookupError as e:
    print("outer", type(e).__name__, e.args)
