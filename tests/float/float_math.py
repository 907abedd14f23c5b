# requires: float
import math
print(math.floor(2.7), math.ceil(2.1), math.sqrt(16), math.pi > 3.14)
print(round(math.sin(0), 3), round(math.cos(0), 3), math.fabs(-2.5), math.isnan(float("nan")))
print(math.isinf(float("inf")), math.copysign(1.0, -0.0), math.trunc(-2.5))
