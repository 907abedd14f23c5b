# requires: datatypes
d = {"a": 1, "b": 2}
d["c"] = 3
print(sorted(d.keys()), sorted(d.values()), sorted(d.items()))
print(d.get("z"), d.get("z", 0), d.pop("a"), d.setdefault("x", 9), d)
d.update({"y": 8}, z=7)
print(len(d), "y" in d, d.popitem() is not None)
print(dict(zip("abc", range(3))), dict.fromkeys("ab", 0))
