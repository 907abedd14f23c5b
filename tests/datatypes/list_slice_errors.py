# requires: datatypes, exceptions
l = [1, 2, 3, 4]
try:
    l[::2] = [1]
except ValueError:
    print("ValueError")
try:
    l[0:1:0]
except ValueError:
    print("ValueError step")
try:
    l["a"]
except TypeError:
    print("TypeError")
try:
    l[10] = 1
except IndexError:
    print("IndexError")
