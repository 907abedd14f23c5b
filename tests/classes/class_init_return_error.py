# requires: classes, exceptions
class Bad:
    def __init__(self):
        return 5
try:
    Bad()
except TypeError:
    print("TypeError")
class NoArgs:
    pass
try:
    NoArgs(1)
except TypeError:
    print("TypeError args")
