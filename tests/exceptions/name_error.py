# requires: exceptions
try:
    print(undefined_name)
except NameError:
    print("NameError")
def f():
    print(x)
    x = 1
try:
    f()
except NameError:
    print("unbound local")
