# requires: classes
class MyInt(int):
    def double(self):
        return self * 2
class MyStr(str):
    def shout(self):
        return self.upper() + "!"
i = MyInt(21)
s = MyStr("hey")
print(i.double(), i + 1, isinstance(i, int), s.shout(), len(s), s + "x", isinstance(s, str))
