# requires: datatypes
print(sorted(dict.fromkeys(["a", "b"], 0).items()), dict.fromkeys([]))
print({1: 1, 2: 2} == {2: 2, 1: 1}, {1: 1} != {1: 2}, {} == {})
d = dict.fromkeys(range(3), [])
d[0].append("shared")
print(d[2])
