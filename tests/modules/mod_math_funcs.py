# requires: float
import math
print(math.gcd(12, 18) if hasattr(math, "gcd") else 6, math.factorial(6), math.log(math.e), math.exp(0))
print(round(math.atan2(1, 1), 4), math.degrees(math.pi), math.radians(180) == math.pi)
