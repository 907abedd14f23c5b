# requires: builtins, datatypes
s = slice(1, 5, 2)
print(s.start, s.stop, s.step)
print([0, 1, 2, 3, 4, 5, 6][s], "abcdefg"[s], (0, 1, 2, 3, 4, 5)[slice(3)])
print(slice(2).stop, slice(None, 3).start, slice(1, None).stop)
l = list(range(6))
l[slice(0, 2)] = ["a"]
print(l)
