# requires: classes
class A:
    x = 1
    def get(self):
        return self.x
a = A()
print(a.get())
a.x = 2
print(a.get(), A.x)
A.x = 3
print(A().get(), a.get())
