def is_prime(n):
    if n < 2:
        return False
    d = 2
    while d * d <= n:
        if n % d == 0:
            return False
        d = d + 1
    return True
count = 0
for n in range(200):
    if is_prime(n):
        count = count + 1
print(count, is_prime(97), is_prime(91))
