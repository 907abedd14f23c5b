# requires: builtins, datatypes, compiler
# globals(), exec and eval called from inside functions see the module's globals.
counter = 0


def bump():
    global counter
    counter += 1
    return globals()["counter"]


def run_code():
    exec("counter = counter + 10", globals())
    return eval("counter * 2")


def define():
    globals()["made"] = "yes"


print(bump(), bump(), run_code(), counter)
define()
print(made)
