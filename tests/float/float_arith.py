# requires: float
print(1.5 + 2.25, 10 / 4, 7.0 // 2, 7.5 % 2, 2.0 ** 0.5 > 1.41, -3.5)
print(float("1.25"), float(3), int(2.9), round(3.14159, 3), abs(-0.5))
print(0.5 < 1, 1.0 == 1, 3 * 0.5)
