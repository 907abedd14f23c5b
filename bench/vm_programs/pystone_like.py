class Record:
    def __init__(self, a, b):
        self.a = a
        self.b = b
def proc(rec, n):
    total = 0
    for i in range(n):
        rec.a = (rec.a + i) % 97
        if rec.a > 50:
            total += rec.b
        else:
            total -= 1
    return total
r = Record(1, 3)
s = 0
for k in range(40):
    s += proc(r, 500)
print(s)
