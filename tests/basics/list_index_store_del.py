# list items by index: load, store, augmented store and del, from either end
a = [1, 2, 3, 4, 5]
a[0] = 9
a[-1] = 8
print(a, a[0], a[4], a[-2])
del a[1]
print(a)
del a[-1]
print(a)
a[1] += 5
a[-1] *= 2
print(a, len(a))
b = [a, [7]]
b[1][0] = b[0][0]
del b[0][0]
print(b)
