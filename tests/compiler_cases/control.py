def classify(n):
    if n < 0:
        return "neg"
    elif n == 0:
        return "zero"
    elif n < 10:
        return "small"
    else:
        return "big"

for i in range(-3, 30, 7):
    print(i, classify(i))

for j in range(10, 0, -3):
    print(j)
else:
    print("done")

end = 5
for k in range(end):
    if k == 2:
        continue
    print(k)
else:
    print("no break")

n = 0
while True:
    n += 1
    if n > 5:
        break
while n:
    n -= 1
else:
    print("while else")
while False:
    print("never")
if True:
    print("always")
if False:
    print("never")
elif 0:
    print("never")
else:
    print("else")
for ch in "abc":
    print(ch)
    if ch == "b":
        break
def first_even(limit):
    for v in range(1, limit):
        if v % 2 == 0:
            return v
    return None
print(first_even(9), first_even(2))
print(1 if n else 2, 3 < n <= 5 < 9, n is None, n is not None, not n)
print(n == 1 or n == 2 and n != 3)
