# requires: exceptions
# An exception instance is not callable (only its class is).
e = IndexError("x")
try:
    e()
except TypeError:
    print("TypeError")
print(type(e).__name__, e)
try:
    KeyError(1)(2)
except TypeError:
    print("TypeError again")
