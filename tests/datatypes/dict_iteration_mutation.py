# requires: datatypes
d = {i: i * i for i in range(6)}
for k in list(d):
    if k % 2:
        del d[k]
print(sorted(d.items()))
print({k: v for k, v in zip("abc", range(3)) if v}, dict(d) == d, {1: 2} == {1: 2.0 if False else 2})
