# requires: datatypes
a = {1, 2, 3, 4}
b = {3, 4, 5}
print(sorted(a | b), sorted(a & b), sorted(a - b), sorted(a ^ b))
print(sorted(a.union(b, [9])), sorted(a.intersection(b)), sorted(a.difference(b)), sorted(a.symmetric_difference(b)))
print(a.isdisjoint({9}), {3}.issubset(a), a.issuperset({1, 2}), {1} <= a, a >= {1, 7}, {1} < {1}, {1} < {1, 2})
