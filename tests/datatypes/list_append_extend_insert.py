# requires: datatypes
l = []
l.append(1)
l.extend([2, 3])
l.extend("ab")
l.extend(range(2))
l.insert(0, "first")
l.insert(100, "last")
l.insert(-1, "penult")
l.insert(-100, "zero")
print(l, len(l))
l += [9]
print(l[-1], l.append(5) is None)
