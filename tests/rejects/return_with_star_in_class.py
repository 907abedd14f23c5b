class A:
    def f(self):
        return
    return
