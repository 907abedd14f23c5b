# requires: datatypes
people = [("ann", 30), ("bob", 25), ("cy", 35)]
print(sorted(people, key=lambda p: p[1]))
print(sorted(people, key=lambda p: -len(p[0])))
print(list(map(lambda x: x * x, range(4))))
