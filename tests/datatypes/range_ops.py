# requires: datatypes
r = range(2, 20, 3)
print(list(r), len(r), r[2], 5 in r, 6 in r, list(range(5, 0, -2)))
print(list(range(0)), sum(range(101)))
