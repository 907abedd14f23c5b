def nothing():
    pass
def early(x):
    if x:
        return
    print("not early")
print(nothing(), early(1), early(0))
