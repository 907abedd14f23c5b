for i in range(5):
    if i == 7:
        break
else:
    print("no break", i)
for i in range(5):
    if i == 2:
        break
else:
    print("skipped")
print(i)
