# floor division and modulo round towards minus infinity, for every sign combination
for a in range(-7, 8):
    for b in range(-3, 4):
        if b != 0:
            print(a, b, a // b, a % b)
print(7 // -7, -7 // 7, 7 % -7, -7 % 7, 6 // -7, -6 % 7)
print(17 // 5 * 5 + 17 % 5)
print(-17 // 5 * 5 + -17 % 5)
print(1000000007 % 97, -1000000007 % 97, -1000000007 // 97)
