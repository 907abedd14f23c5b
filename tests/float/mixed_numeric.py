# requires: float
vals = [1, 2.5, True, -3]
print(sum(vals), max(vals), min(vals), sorted(vals))
print(divmod(7.5, 2), 2 ** -1, 10 / 5)
