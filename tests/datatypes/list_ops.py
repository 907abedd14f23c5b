# requires: datatypes
a = [3, 1, 2]
a.append(5)
a.extend([9, 0])
a.insert(1, 7)
print(a, a.index(2), a.count(1))
a.sort()
print(a, a.pop(), a.pop(0), a)
a.reverse()
a.remove(7)
print(a, a[1:3], a[::-1], a[::2])
del a[0]
print(a, len(a), 3 in a)
