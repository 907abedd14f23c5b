# requires: datatypes
print([x * 2 for x in range(5) if x != 2])
print({k: v for k, v in zip("abc", (1, 2, 3))})
print(sorted({c for c in "mississippi"}))
print([(i, j) for i in range(3) for j in range(i)])
