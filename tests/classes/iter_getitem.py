# requires: classes, exceptions, datatypes
class Seq:
    def __getitem__(self, i):
        if i >= 3:
            raise IndexError
        return i * 10
print(list(Seq()))
for v in Seq():
    print(v)
