def solve(n, row, cols, d1, d2):
    if row == n:
        return 1
    count = 0
    for c in range(n):
        if c not in cols and (row - c) not in d1 and (row + c) not in d2:
            cols.add(c); d1.add(row - c); d2.add(row + c)
            count += solve(n, row + 1, cols, d1, d2)
            cols.discard(c); d1.discard(row - c); d2.discard(row + c)
    return count
print(solve(7, 0, set(), set(), set()))
