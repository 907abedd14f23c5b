# requires: bigint
f = 1
for i in range(1, 40):
    f *= i
print(f)
a, b = 0, 1
for _ in range(150):
    a, b = b, a + b
print(a, a % 1000000007)
