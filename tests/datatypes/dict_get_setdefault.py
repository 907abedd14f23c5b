# requires: datatypes
d = {"a": 1}
print(d.get("a"), d.get("b"), d.get("b", 0), d.setdefault("a", 5), d.setdefault("c", 3), d.setdefault("n"))
print(sorted(d.items(), key=lambda kv: kv[0]))
