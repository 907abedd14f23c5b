# requires: exceptions, generators, datatypes
def echo():
    while True:
        x = yield
        if x == "stop":
            return "echo done"
        print("echo", x)
def wrapper():
    r = yield from echo()
    print(r)
w = wrapper()
next(w)
w.send("a")
w.send("b")
try:
    w.send("stop")
except StopIteration:
    print("finished")
