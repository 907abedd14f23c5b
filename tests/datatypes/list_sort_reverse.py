# requires: datatypes
l = [5, 2, 8, 1, 9]
l.sort()
print(l)
l.sort(reverse=True)
print(l)
l.reverse()
print(l)
w = ["bb", "a", "ccc", "dd"]
w.sort(key=len)
print(w)
w.sort(key=lambda s: s[-1], reverse=True)
print(w)
pairs = [(2, "b"), (1, "z"), (2, "a")]
pairs.sort()
print(pairs, [].sort())
