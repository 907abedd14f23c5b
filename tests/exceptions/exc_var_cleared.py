# requires: exceptions
try:
    raise ValueError("x")
except ValueError as err:
    print("in handler", err)
try:
    print(err)
except NameError:
    print("NameError: err deleted after handler")
