# requires: datatypes
d = {1: "a"}
d.update({2: "b"})
d.update([(3, "c")])
d.update(four=4)
e = d.copy()
e[1] = "changed"
print(sorted(d.items(), key=str), e[1], d[1], len(e))
d.clear()
print(d, len(e))
