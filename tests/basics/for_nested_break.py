count = 0
for i in range(5):
    for j in range(5):
        if j > i:
            break
        count = count + 1
print(count)
