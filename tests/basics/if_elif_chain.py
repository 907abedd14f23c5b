# if/elif/else chains, with and without else
def classify(n):
    if n < 0:
        return "negative"
    elif n == 0:
        return "zero"
    elif n < 10:
        return "small"
    elif n < 100:
        return "medium"
    else:
        return "large"

print(-5, classify(-5))
print(0, classify(0))
print(3, classify(3))
print(42, classify(42))
print(1000, classify(1000))

x = 7
if x % 2 == 0:
    print("even")
else:
    print("odd")
if x > 100:
    print("never")
elif x > 5:
    print("more than five")
if x:
    print("truthy")
if 0:
    print("never")
