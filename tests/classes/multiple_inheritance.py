# requires: classes
class A:
    def hello(self):
        return "A"
    def who(self):
        return "A.who"
class B:
    def hello(self):
        return "B"
    def only_b(self):
        return "B only"
class C(A, B):
    pass
c = C()
print(c.hello(), c.who(), c.only_b(), isinstance(c, B))
