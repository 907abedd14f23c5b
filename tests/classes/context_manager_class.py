# requires: classes, exceptions, datatypes
class Timer:
    def __init__(self, name):
        self.name = name
        self.log = []
    def __enter__(self):
        self.log.append("start " + self.name)
        return self
    def __exit__(self, exc_type, exc, tb):
        self.log.append("stop " + self.name)
        return False
with Timer("t1") as t:
    t.log.append("work")
print(t.log)
