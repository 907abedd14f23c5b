# requires: float
total = 0.0
for i in range(1, 11):
    total += 1 / i
print(round(total, 6), sum([0.5, 0.25, 0.125]), 0.5 + 0.25 == 0.75, float(sum(range(5))))
h = 1.0
for _ in range(10):
    h = h / 2
print(h, h * 1024)
