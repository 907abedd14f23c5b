# requires: datatypes, exceptions
d = {"x": 1, "y": 2}
print(d.pop("x"), d.pop("x", "gone"), d)
print(d.popitem(), d)
try:
    d.popitem()
except KeyError:
    print("KeyError popitem")
try:
    d.pop("q")
except KeyError as e:
    print("KeyError", e.args)
