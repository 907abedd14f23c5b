# requires: builtins, float, exceptions
print(float(), float(1), float("1.5"), float("-2e3"), float("  3  "), float(True))
print(float("inf"), float("-inf"), float("nan") != float("nan"), float("1e-3"))
try:
    float("abc")
except ValueError:
    print("ValueError")
try:
    float([])
except TypeError:
    print("TypeError")
