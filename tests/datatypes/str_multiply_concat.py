# requires: datatypes
print("ab" * 3, 3 * "x", "a" * 0, "a" * -1 == "", "x" + "y" + "z")
s = ""
for i in range(5):
    s += str(i)
print(s, len("-" * 20))
