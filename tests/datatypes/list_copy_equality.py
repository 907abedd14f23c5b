# requires: datatypes
a = [1, [2, 3]]
b = a.copy()
c = a[:]
b.append(4)
b[1].append(9)
print(a, b, c, a == c, a is c, [1, 2] == [1, 2], [1, 2] < [1, 3], [1] < [1, 0])
print([1, 2] * 2, [0] * 3, [] * 5, [[]] * 2)
