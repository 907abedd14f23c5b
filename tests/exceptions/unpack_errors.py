# requires: exceptions, datatypes
try:
    a, b = [1, 2, 3]
except ValueError:
    print("too many")
try:
    a, b, c = (1,)
except ValueError:
    print("too few")
