# requires: builtins, datatypes, exceptions
print(list(range(5)), list(range(2, 5)), list(range(10, 0, -3)), list(range(0)))
r = range(1, 20, 4)
print(r, len(r), r[0], r[-1], r[1:3], 9 in r, 10 in r)
print(range(3) == range(3), range(0) == range(2, 2))
print(list(reversed(range(4))), r.start, r.stop, r.step)
try:
    range(1, 2, 0)
except ValueError:
    print("ValueError")
try:
    r[10]
except IndexError:
    print("IndexError")
