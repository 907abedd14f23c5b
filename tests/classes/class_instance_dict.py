# requires: classes, datatypes
class P:
    cls_attr = 0
    def __init__(self):
        self.a = 1
        self.b = 2
p = P()
print(sorted(p.__dict__.items()), "cls_attr" in p.__dict__, p.__class__ is P, p.__class__.__name__)
