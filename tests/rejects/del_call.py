def f():
    del g()
