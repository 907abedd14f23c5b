# requires: datatypes
# what a slice assignment reads from: another list, a tuple, the list itself, an iterator
l = list(range(8))
l[1:3] = l
print(l)
l = list(range(6))
l[::-1] = l
print(l)
l = list(range(6))
l[::2] = l[1::2]
print(l)
l[:4] = l[3::-1]
print(l)
l[2:2] = (10, 11)
print(l)
l[-2:] = range(3)
print(l)
l[1:] = reversed(l)
print(l)
t = [1, 2]
l[:] = t
t.append(3)
print(l, t)
