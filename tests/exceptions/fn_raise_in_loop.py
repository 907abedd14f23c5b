# requires: exceptions, classes
# Exceptions of program classes raised from a plain function many times and
# caught by the loop that calls it.
class Odd(Exception):
    pass


class Big(Odd):
    def __init__(self, n):
        super().__init__("big")
        self.n = n


def check(n):
    if n > 7:
        raise Big(n)
    if n % 2:
        raise Odd(n)
    return n


ok = odd = big = 0
for i in range(10):
    try:
        ok += check(i)
    except Big as e:
        big += e.n
    except Odd as e:
        odd += e.args[0]
print(ok, odd, big)
