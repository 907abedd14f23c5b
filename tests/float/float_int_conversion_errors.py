# requires: float, exceptions
for v in (float("inf"), float("-inf"), float("nan")):
    try:
        int(v)
    except (OverflowError, ValueError) as e:
        print(type(e).__name__)
print(int(1e10), int(-2.5), int(0.999), round(2.5), round(3.5), round(-2.5))
