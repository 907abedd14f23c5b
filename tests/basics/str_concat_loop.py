s = ""
for c in "abc":
    s = s + c + c
print(s)
t = "x"
i = 0
while i < 4:
    t = t + t
    i = i + 1
print(t)
