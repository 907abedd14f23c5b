# requires: exceptions, datatypes
out = []
for i in range(6):
    try:
        if i % 2:
            continue
        if i == 4:
            break
        out.append(i)
    finally:
        out.append(-i)
print(out)
