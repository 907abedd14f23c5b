def f():
    if 1:
        break
