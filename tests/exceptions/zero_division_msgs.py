# requires: float, exceptions
for a, b in ((1, 0), (1.5, 0), (5, 0.0)):
    try:
        print(a / b)
    except ZeroDivisionError:
        print("ZeroDivisionError")
try:
    print(7 % 0)
except ZeroDivisionError:
    print("mod zero")
