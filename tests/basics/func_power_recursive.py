def power(b, e):
    if e == 0:
        return 1
    half = power(b, e // 2)
    if e % 2:
        return half * half * b
    return half * half
print(power(2, 10), power(3, 5), power(7, 0), power(-2, 7))
