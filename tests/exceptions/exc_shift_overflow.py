# requires: exceptions
for op in (lambda: 1 << -1, lambda: 1 >> -1, lambda: -1 >> 1, lambda: 5 & 3, lambda: 5 ^ -1):
    try:
        print(op())
    except ValueError:
        print("ValueError negative shift")
