# printing the constants and bools from expressions
print(True)
print(False)
print(None)
print(True, False, None)
t = True
f = False
print(t, f, not t, not f)
print(1 < 2, 2 < 1)
print(True + True, True * 5, False - 1)
n = None
print(n)
