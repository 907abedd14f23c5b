# requires: float
for v in (0.5, 0.25, 1.0, 2.0, 100.5, 1234.5, 0.125, -3.75, 1e-5, 1e20, 3.0e10):
    print(v, float(str(v)) == v, str(v))
