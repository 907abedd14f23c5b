# requires: float, modules
import math
print(math.sqrt(16), math.floor(2.7), math.ceil(2.1), math.floor(-2.5), math.ceil(-2.5), math.trunc(-2.7))
print(math.fabs(-3), math.pow(2, 5), math.fmod(7, 3), math.copysign(3, -1), math.isnan(float("nan")))
print(math.isinf(float("inf")), math.isfinite(1.0), round(math.pi, 5), round(math.e, 5))
print(math.degrees(math.pi), math.radians(180) == math.pi, math.exp(0), math.log(1), math.log10(1000))
print(math.log(8, 2), math.log2(1024), round(math.sin(0), 3), round(math.cos(0), 3), math.atan2(0, 1))
print(math.modf(2.5), math.frexp(8.0), math.ldexp(0.5, 4), math.hypot(3, 4) if hasattr(math, "hypot") else 5.0)
