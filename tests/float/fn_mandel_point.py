# requires: float
# A tight float loop with a compound while condition, like a fractal kernel.
def escape(cr, ci, limit):
    zr = zi = 0.0
    i = 0
    while i < limit and zr * zr + zi * zi < 4.0:
        zr, zi = zr * zr - zi * zi + cr, 2 * zr * zi + ci
        i += 1
    return i


rows = []
for y in range(-4, 5):
    rows.append("".join("#" if escape(x / 8, y / 4, 20) == 20 else "." for x in range(-16, 5)))
print("\n".join(rows))
