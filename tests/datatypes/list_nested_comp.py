# requires: datatypes
m = [[i * 3 + j for j in range(3)] for i in range(3)]
print(m, [row[1] for row in m], [m[j][i] for i in range(3) for j in range(3)][:4])
print([x for row in m for x in row if x % 2], [(a, b) for a in range(2) for b in "xy"])
