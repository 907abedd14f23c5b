a = 0b1100
b = 0b1010
print(a & b, a | b, a ^ b, ~a, a << 3, a >> 2, -a >> 1, 0xFF & -1)
