# requires: exceptions
# An exception leaves several nested functions; each one can catch it at the
# right point and the code after the failing line does not run.
def level3(x):
    if x > 2:
        raise ValueError(x)
    return x


def level2(x):
    y = level3(x)
    print("level2 got", y)
    return y + 1


def level1(xs):
    total = 0
    for x in xs:
        try:
            total += level2(x)
        except ValueError as e:
            print("caught", e)
            total -= 100
    return total


print(level1([1, 2, 3, 4]))
