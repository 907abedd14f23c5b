# requires: classes, datatypes
class Base:
    def greet(self):
        return ["Base"]
class Mid(Base):
    def greet(self):
        return ["Mid"] + super().greet()
class Leaf(Mid):
    def greet(self):
        return ["Leaf"] + super().greet()
print(Leaf().greet())
