# requires: classes
class Box:
    def __init__(self, n):
        self.n = n
    def __len__(self):
        return self.n
class Flag:
    def __init__(self, v):
        self.v = v
    def __bool__(self):
        return self.v
for b in (Box(0), Box(3)):
    print(len(b), bool(b), "truthy" if b else "falsy")
print(bool(Flag(True)), bool(Flag(False)), not Flag(False))
class Empty:
    pass
print(bool(Empty()))
