# requires: float, complex
z = complex(1, 2)
w = 3 - 1j
print(z + w, z * w, z.real, z.imag, abs(3 + 4j))
print(z == complex(1, 2), -z)
