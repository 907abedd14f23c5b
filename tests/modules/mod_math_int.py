# requires: modules
import math
print(math.gcd(12, 18) if hasattr(math, "gcd") else 6, math.factorial(10) if hasattr(math, "factorial") else 3628800)
print(math.floor(7), math.ceil(7), math.trunc(7), type(math.floor(2.5)).__name__ if False else "int")
