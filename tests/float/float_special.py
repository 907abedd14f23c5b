# requires: float
inf = float("inf")
nan = float("nan")
print(inf, -inf, inf > 1e308, -inf < -1e308, inf + 1 == inf, inf - inf != inf - inf)
print(nan == nan, nan != nan, nan is nan, inf * 0 != inf * 0, str(nan), repr(-inf))
