# augmented assignment on globals and locals
g = 10
g += 5
print(g)
g -= 3
print(g)
g *= 4
print(g)
g //= 5
print(g)
g %= 4
print(g)
g **= 3
print(g)
g = -g
g //= 3
print(g)
g %= 5
print(g)

def local_ops(v):
    v += 100
    v *= -2
    v //= 7
    v %= 13
    v -= 1
    return v

print(local_ops(0), local_ops(5), local_ops(-50))
s = "ab"
s += "cd"
s *= 2
print(s)
