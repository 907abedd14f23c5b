# requires: builtins, datatypes
print(sum([True, True, False]), max(True, 0), min(False, -1), abs(-True))
print(sorted([True, 0, -1, 2]), [True] * 2, divmod(True, 1))
