def mandel(w, h, iters):
    total = 0
    for y in range(h):
        for x in range(w):
            cr = 2.5 * x / w - 2.0
            ci = 2.0 * y / h - 1.0
            zr = zi = 0.0
            i = 0
            while i < iters and zr * zr + zi * zi < 4.0:
                zr, zi = zr * zr - zi * zi + cr, 2 * zr * zi + ci
                i += 1
            total += i
    return total
print(mandel(32, 24, 30))
