# chained comparisons evaluate the middle operand once and short-circuit
def val(label, v):
    print("eval", label)
    return v

print(1 < 2 < 3, 1 < 3 < 2, 3 > 2 > 1, 1 == 1 == 1, 1 == 1 != 1)
print(val("a", 1) < val("b", 2) < val("c", 3))
print(val("a", 3) < val("b", 2) < val("c", 1))
x = 5
print(0 <= x < 10, 0 <= x < 5, -10 < -x <= -5)
i = 0
while 0 <= i < 4:
    print(i)
    i += 1
