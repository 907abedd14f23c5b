# for over range() with non-constant arguments goes through the iterator protocol
def count(start, stop, step):
    n = 0
    for i in range(start, stop, step):
        print(i)
        n += 1
    return n

print(count(0, 10, 3))
print(count(10, 0, -4))
print(count(-3, 3, 2))
print(count(5, 5, 1))
step = -1
for j in range(3, -2, step):
    print(j)
r = range(4)
for j in r:
    print("r", j)
print(len(range(0, 100, 7)), len(range(10, 0, -3)), len(range(5)))
