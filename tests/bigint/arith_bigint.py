# requires: bigint, datatypes
# ints grow without bound
x = 1
i = 0
while i < 70:
    x = x * 3
    i = i + 1
print(x)
print(x // 7, x % 1000003, x - x // 2 * 2)
big = 2 ** 100
print(big, big + 1, big - 1, -big)
print(big * big, big // 12345678901, big % 12345678901)
print(big > 2 ** 99, big == 2 ** 100, -big < -big + 1)
print(123456789 * 987654321 * 123456789)
