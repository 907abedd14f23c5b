# requires: classes
class Evens:
    def __contains__(self, x):
        return x % 2 == 0
e = Evens()
print(2 in e, 3 in e, 3 not in e)
class Seq:
    def __getitem__(self, i):
        if i >= 3:
            raise IndexError
        return i * 10
print(10 in Seq(), 15 in Seq(), list(Seq()))
