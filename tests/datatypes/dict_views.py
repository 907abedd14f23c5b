# requires: datatypes
d = {"b": 2, "a": 1}
print(sorted(d.keys()), sorted(d.values()), sorted(d.items()), len(d.keys()), "a" in d.keys())
k = d.keys()
d["c"] = 3
print(len(k), sorted(k), 3 in d.values(), ("a", 1) in d.items())
print(sorted(list(d)), sorted(iter(d)))
