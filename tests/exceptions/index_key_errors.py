# requires: exceptions, datatypes
try:
    [1, 2][5]
except IndexError:
    print("IndexError list")
try:
    {"a": 1}["b"]
except KeyError as e:
    print("KeyError", e.args)
try:
    (1,)[1]
except IndexError:
    print("IndexError tuple")
