# requires: float, classes, exceptions
# Floats with small ints, bools and float subclasses on either side of every
# operator, in-place forms included; values exact in single precision too.


class Meters(float):
    def __add__(self, other):
        return "Meters.__add__"

    def __radd__(self, other):
        return "Meters.__radd__"


x = 1.5
x += 2
x *= 3
x -= 0.25
x /= 2
print("in place", x)
y = 7
y += 0.5
print("int += float", y)
print("mixed", 3 + 0.5, 0.5 + 3, 2 * 1.25, 1.25 * 2, 9 / 2.0, 9.0 // 2, 9.5 % 2, 2**-1.0)
print("compare", 1.5 < 2, 2 < 1.5, 2.0 == 2, 2 != 2.0, 1.0 <= True, -0.0 == 0)
print("bools", True + 0.5, 0.5 - False, 2.5 * True)
m = Meters(2.0)
print("subclass", 1.5 + m, m + 1.5, 1 + m, m * 2)
for a, b in ((1.0, 0), (1.0, 0.0), (5, 0.0)):
    for op in ("/", "//", "%"):
        try:
            print(op, a / b if op == "/" else a // b if op == "//" else a % b)
        except ZeroDivisionError:
            print(op, "ZeroDivisionError")
try:
    1.5 & 1
except TypeError:
    print("bitwise", "TypeError")
print("power", 4.0**0.5, 2**-2, (-8.0) ** 2)


class Plain(float):
    pass


q = Plain(1.5)
print("plain subclass", 1.5 * q, q * 2, 2 - q, q - 0.5, q < 2, 3 > q, -q, q**2)
