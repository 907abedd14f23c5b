# requires: builtins, datatypes, exceptions
for a in (7, -7, 0, 100):
    for b in (3, -3, 1):
        print(a, b, divmod(a, b))
print(divmod(2**40, 7), divmod(-(2**40), 7))
try:
    divmod(1, 0)
except ZeroDivisionError:
    print("ZeroDivisionError")
try:
    divmod("a", 1)
except TypeError:
    print("TypeError")
