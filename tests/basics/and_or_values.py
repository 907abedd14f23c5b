print(1 and 2, 0 and 2, 1 or 2, 0 or 2, "" or "dflt", "a" and "b", None or 0)
def side(x):
    print("side", x)
    return x
print(side(0) and side(1))
print(side(1) or side(2))
