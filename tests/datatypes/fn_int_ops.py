# requires: datatypes
# Integer operators in functions: floor division and modulo with negative
# operands, shifts, bitwise operators on negative numbers, powers.
def ops(a, b):
    return [a // b, a % b, a << 2, a >> 1, a & b, a | b, a ^ b, ~a, -a, +a, a ** 2]


for a, b in ((7, 3), (-7, 3), (7, -3), (-7, -3), (0, 5), (255, 16)):
    print(a, b, ops(a, b))


def acc(n):
    x = 1
    for i in range(n):
        x = (x * 31 + i) & 0xFFFF
        x ^= x >> 3
        x -= i
        x %= 10007
    return x


print(acc(100))
