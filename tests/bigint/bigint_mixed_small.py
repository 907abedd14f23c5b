# requires: bigint, float
x = 2 ** 62
for k in range(4):
    x = x * 2 - 1
    print(x, x - 2 ** 63, x // 3, x % 7)
print(2 ** 64 - 2 ** 64, (2 ** 64) // (2 ** 60), -(2 ** 65) >> 3, (2 ** 65) == 2 ** 65.0 if False else True)
