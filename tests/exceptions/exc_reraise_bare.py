# requires: exceptions
def inner():
    try:
        raise ValueError("v")
    except ValueError:
        print("handling")
        raise
try:
    inner()
except ValueError as e:
    print("outer got", e)
try:
    try:
        1 / 0
    except ZeroDivisionError:
        raise KeyError("k")
except KeyError as e:
    print("KeyError", e.args)
