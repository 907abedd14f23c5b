# requires: bigint, datatypes
vals = [2 ** 70, -(2 ** 70), 5, 2 ** 64, -1, 10 ** 20]
print(sorted(vals), max(vals), min(vals), sum(vals), 2 ** 70 in vals, 2 ** 71 in vals)
