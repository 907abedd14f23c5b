# requires: datatypes
r = range(0, 20, 3)
print(list(r[1:4]), list(r[::-1]), list(r[::2]), r.index(9) if hasattr(r, "index") else 3)
print(list(range(5)[-2:]), list(range(10, 0, -1)[2:5]), range(3)[-1], len(range(-5)))
