# requires: bigint
a = 2 ** 100
b = 3 ** 50
print(a, b, a + b, a - b, a * b, a // b, a % b, -a // b, -a % b)
print(a > b, a == 2 ** 100, a >> 90, 1 << 70, a & (2 ** 64 - 1), a | 1, a ^ b)
print(divmod(a, 12345678901), pow(a, 2, 10 ** 9 + 7), abs(-a), hash(a) == hash(2 ** 100))
