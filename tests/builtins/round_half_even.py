# requires: builtins, float
for v in (0.5, 1.5, 2.5, -0.5, -1.5, 2.675, 0.125):
    print(v, round(v), round(v, 2))
print(round(3.14159, 3), round(-3.14159, 1), round(1e10 + 0.5))
print(type(round(2.5)), type(round(2.5, 0)))
