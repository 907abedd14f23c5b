# the integer operators with every kind of operand the interpreter may see: small ints,
# bools (ints that print as bools), the two mixed, and the in-place forms (bool & bool
# is an int in MicroPython, a bool in CPython: left out)
vals = [-9, -1, 0, 1, 2, 7, True, False]
for a in vals:
    for b in vals:
        r = [a + b, a - b, a * b, a < b, a <= b, a == b, a != b, a > b, a >= b]
        if type(a) is int or type(b) is int:
            r += [a & b, a | b, a ^ b]
        if b:
            r += [a // b, a % b]
        print(a, b, r)
x = 5
x += True
x -= 2
x *= -3
x //= 4
x %= 7
x &= 6
x |= 9
x ^= 3
print(x)
print(True + True, True * 5, False - 1, -True, True == 1, 1 == True, 2 > True)
print(1 < 2 < 3, 3 > 2 > 2, 1 == "1", 1 != "1", 1 == None)
