# small algorithms: gcd, primes, collatz, digit sums
def gcd(a, b):
    while b:
        t = a % b
        a = b
        b = t
    return a

print(gcd(48, 18), gcd(17, 5), gcd(100, 75), gcd(0, 9))

def collatz_steps(n):
    steps = 0
    while n != 1:
        if n % 2 == 0:
            n //= 2
        else:
            n = 3 * n + 1
        steps += 1
    return steps

print(collatz_steps(1), collatz_steps(6), collatz_steps(27), collatz_steps(97))

def digit_sum(n):
    total = 0
    while n > 0:
        total += n % 10
        n //= 10
    return total

print(digit_sum(0), digit_sum(12345), digit_sum(2 ** 29))

count = 0
for n in range(2, 200):
    d = 2
    prime = True
    while d * d <= n:
        if n % d == 0:
            prime = False
            break
        d += 1
    if prime:
        count += 1
print("primes below 200:", count)

def power_mod(base, exp, mod):
    result = 1
    base %= mod
    while exp > 0:
        if exp % 2 == 1:
            result = result * base % mod
        exp //= 2
        base = base * base % mod
    return result

print(power_mod(2, 100, 10007), 2 ** 20 % 10007)
