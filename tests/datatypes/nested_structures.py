# requires: generators, datatypes
data = {"users": [{"name": "ann", "tags": ["a", "b"]}, {"name": "bob", "tags": []}]}
for u in data["users"]:
    print(u["name"], len(u["tags"]), ",".join(u["tags"]))
matrix = [[i * j for j in range(3)] for i in range(3)]
print(matrix, [row[1] for row in matrix])
