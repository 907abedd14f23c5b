# requires: builtins, float, complex
print(complex(), complex(1), complex(1, 2), complex(1.5, -0.5), complex("1+2j"))
z = complex(3, 4)
print(z.real, z.imag, abs(z), z.conjugate() if hasattr(z, "conjugate") else complex(3, -4))
print(complex(2) == 2, 1j * 1j)
