# requires: classes, exceptions
class CM:
    def __enter__(self):
        return self
    def __exit__(self, *a):
        print("exit")
def f():
    with CM():
        return 5
print(f())
for i in range(3):
    with CM():
        if i == 1:
            break
        print("i", i)
