# requires: classes
def make_class(prefix):
    class Named:
        def name(self):
            return prefix + "-obj"
    return Named
print(make_class("x")().name(), make_class("y")().name())
