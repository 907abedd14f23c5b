# requires: classes, datatypes
class Key:
    def __init__(self, k):
        self.k = k
    def __eq__(self, o):
        return self.k == o.k
    def __hash__(self):
        return hash(self.k)
s = {Key(1), Key(1), Key(2)}
d = {Key("a"): 1}
print(len(s), d[Key("a")], Key(2) in s, Key(3) in s)
