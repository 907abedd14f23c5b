# requires: datatypes, exceptions
l = [1, 2, 3, 2, 1]
print(l.index(2), l.index(2, 2), l.index(1, 1), l.count(2), l.count(9), l.index(3, -3))
try:
    l.index(2, 4)
except ValueError:
    print("ValueError")
print([[1], [1]].count([1]), ["a", 1, "a"].count("a"))
