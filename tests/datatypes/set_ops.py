# requires: datatypes
a = {1, 2, 3, 4}
b = {3, 4, 5}
print(sorted(a | b), sorted(a & b), sorted(a - b), sorted(a ^ b))
a.add(10)
a.discard(1)
print(sorted(a), a.issuperset({2, 3}), {1}.issubset(a), a.isdisjoint({99}))
f = frozenset([1, 2, 2])
print(len(f), sorted(f), 1 in f)
