# requires: datatypes
a = {1, 2, 3}
a.update([4], (5,))
print(sorted(a))
a.intersection_update({1, 2, 3, 9})
print(sorted(a))
a.difference_update([1])
print(sorted(a))
a.symmetric_difference_update({3, 7})
print(sorted(a))
a |= {10}
a &= {2, 7, 10}
a -= {7}
a ^= {2, 11}
print(sorted(a))
c = a.copy()
c.clear()
print(sorted(a), c)
