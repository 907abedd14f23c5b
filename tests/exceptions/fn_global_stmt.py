# requires: exceptions
# `global` in functions: rebinding, creating, deleting a module name; a missing
# global raises NameError.
total = 0


def add(n):
    global total
    total += n


def create():
    global fresh
    fresh = "new"


def remove():
    global fresh
    del fresh


def read_missing():
    return missing_name


for i in range(4):
    add(i)
create()
print(total, fresh)
remove()
try:
    print(fresh)
except NameError:
    print("fresh gone")
try:
    read_missing()
except NameError:
    print("NameError")
