# requires: classes
class Counter:
    count = 0
    @classmethod
    def make(cls):
        cls.count += 1
        return cls()
    @staticmethod
    def add(a, b):
        return a + b
Counter.make()
Counter.make()
print(Counter.count, Counter.add(2, 3), Counter().add(1, 1))
