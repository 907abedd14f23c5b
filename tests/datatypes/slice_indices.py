# requires: datatypes
data = list(range(10))
for s in (slice(None), slice(2, 8), slice(-3, None), slice(None, None, -1), slice(1, -1, 3), slice(8, 2, -2)):
    print(data[s], "abcdefghij"[s])
