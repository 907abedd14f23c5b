total = 0
def add(n):
    global total
    total = total + n
for i in range(5):
    add(i)
print(total)
