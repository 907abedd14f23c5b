# requires: classes
# MicroPython's super() searches the bases of the class it is used in, depth first
# (py/objtype.c super_attr -> mp_obj_class_lookup), not the instance's C3 MRO: in a
# diamond, B's super() goes straight to A and C is skipped. CPython prints D>B>C>A.
class A:
    def who(self):
        return "A"
class B(A):
    def who(self):
        return "B>" + super().who()
class C(A):
    def who(self):
        return "C>" + super().who()
class D(B, C):
    def who(self):
        return "D>" + super().who()
print(D().who())
class E(C, B):
    pass
print(E().who())
