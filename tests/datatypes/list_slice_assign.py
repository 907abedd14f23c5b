# requires: datatypes
l = list(range(10))
l[2:5] = ["a", "b"]
print(l)
l[:2] = []
print(l)
l[::2] = [0] * len(l[::2])
print(l)
del l[1:3]
print(l)
del l[::2]
print(l)
l[len(l):] = [7, 8]
print(l)
l[1:1] = "xy"
print(l)
