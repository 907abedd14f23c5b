# and/or return an operand, not a bool, and short-circuit
def show(v):
    print("show", v)
    return v

print(1 and 2, 0 and 2, 1 or 2, 0 or 2, 0 or 0, None or False)
print("" or "empty", "x" and "y", None and 1)
print(show(0) and show(1))
print(show(1) or show(2))
print(show(1) and show(0) or show(3))
print(not 0, not 1, not "", not "a", not None)
a = 3
if a > 1 and a < 5:
    print("in range")
if a < 1 or a == 3:
    print("small or three")
if not (a == 4):
    print("not four")
