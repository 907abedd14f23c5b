# requires: builtins, exceptions
print(pow(2, 10), pow(3, 0), pow(-2, 3), pow(0, 0))
print(pow(2, 10, 1000), pow(3, 4, 5), pow(7, 0, 3), pow(-3, 3, 7))
print(2 ** 8, (-2) ** 2, -2 ** 2)
try:
    pow(2, 3, 0)
except ValueError:
    print("ValueError")
