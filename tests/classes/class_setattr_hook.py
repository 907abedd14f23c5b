# requires: classes
class Logged:
    def __setattr__(self, name, value):
        print("setattr", name, value)
        object.__setattr__(self, name, value)
l = Logged()
l.a = 1
l.b = "two"
print(l.a, l.b)
