def digits(n):
    s = 0
    while n:
        s = s + n % 10
        n = n // 10
    return s
print(digits(0), digits(12345), digits(99999999))
