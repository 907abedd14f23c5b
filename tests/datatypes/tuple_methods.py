# requires: datatypes, exceptions
t = (1, 2, 3, 2)
print(t.count(2), t.index(3), t.index(2, 2), t[1:], t[::-1], t + (5,), t * 2, (1,) * 0)
print((1, 2) < (1, 3), (1, 2) == (1, 2), (2,) > (1, 99), () < (0,), len(t), 3 in t)
try:
    t.index(9)
except ValueError:
    print("ValueError")
try:
    t[0] = 1
except TypeError:
    print("TypeError")
