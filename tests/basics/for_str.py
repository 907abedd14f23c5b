# iterating over a str yields one-character strs
for ch in "hello":
    print(ch)
count = 0
for ch in "mississippi":
    if ch == "s":
        count += 1
print("s count", count)
word = "abc"
for a in word:
    for b in word:
        if a != b:
            print(a + b)
for _ in "":
    print("never")
