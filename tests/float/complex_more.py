# requires: float, complex, modules
import cmath
z = 3 + 4j
print(z * z, z / (1 + 1j), z - 1j, -z, z == complex(3, 4), abs(3j))
print(cmath.sqrt(-1), cmath.phase(1j) == cmath.pi / 2, cmath.polar(1)[0], round(cmath.exp(0).real, 3))
