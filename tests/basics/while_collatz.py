def steps(n):
    s = 0
    while n != 1:
        if n % 2:
            n = 3 * n + 1
        else:
            n = n // 2
        s = s + 1
    return s
print(steps(1), steps(6), steps(27), steps(97))
