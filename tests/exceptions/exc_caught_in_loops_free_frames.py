# requires: exceptions
# Exceptions raised through every kind of call and caught in a loop: the calls left
# by each raise must give back the memory they took, however many times it happens.


def make_counter_check(limit):
    def check(n):
        if n >= limit:
            raise ValueError(n)
        return n

    return check


class Gauge:
    def __init__(self, reading):
        if reading < 0:
            raise ValueError("negative reading")
        self.reading = reading

    def read(self, scale):
        raise KeyError(scale)

    def __call__(self, k):
        raise IndexError(k)


check = make_counter_check(0)
gauge = Gauge(1)
caught = {"closure": 0, "method": 0, "init": 0, "call": 0, "keyword": 0}
for i in range(3000):
    try:
        check(i)
    except ValueError:
        caught["closure"] += 1
    try:
        gauge.read(i)
    except KeyError:
        caught["method"] += 1
    try:
        Gauge(-i - 1)
    except ValueError:
        caught["init"] += 1
    try:
        gauge(i)
    except IndexError:
        caught["call"] += 1
    try:
        check(n=i)
    except ValueError:
        caught["keyword"] += 1
print(sorted(caught.items()))


def deep(n):
    if n == 0:
        raise RuntimeError("bottom")
    return deep(n - 1)


total = 0
for i in range(200):
    try:
        deep(20)
    except RuntimeError:
        total += 1
print("deep", total)
