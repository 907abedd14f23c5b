# comparison results are bools
a = 5
b = 9
print(a < b, a > b, a == b, a != b, a <= b, a >= b)
print(a < a, a <= a, a == a, a != a, a >= a, a > a)
print(-1 < 0, 0 < -1, -5 == -5, 10 != 10)
print("abc" == "abc", "abc" != "abd", "abc" < "abd", "b" > "abc", "" < "a")
print(1 == True, 0 == False, None == None, None != 0)  # noqa: E711
print(2 ** 20 > 2 ** 19, 2 ** 20 == 2 ** 20)
