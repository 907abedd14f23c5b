# requires: datatypes
t = (1, 2, 3, 2)
print(t.count(2), t.index(3), t + (4,), t * 2, t[1:3], len(t))
a, (b, c) = 1, (2, 3)
print(a, b, c, (1, 2) < (1, 3), max((1, 2), (1, 3)))
