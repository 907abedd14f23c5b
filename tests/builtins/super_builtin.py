# requires: builtins, classes
class A:
    def who(self):
        return "A"
class B(A):
    def who(self):
        return "B" + super().who()
class C(B):
    def who(self):
        return "C" + super(C, self).who()
print(C().who(), B().who())
