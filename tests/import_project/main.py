# A project of several modules: imports run on the C runtime from .mpy files beside
# main (unix) and frozen into firmware, with CPython's output as the reference.
import helper
import helper as again

print(helper.VALUE, helper.double(21), again is helper, helper.__name__)
from helper import double as twice, VALUE

print(twice(4), VALUE)
import pkg.inner.leaf

print(pkg.X, pkg.inner.leaf.LEAF, pkg.inner.leaf.from_parent)
import pkg.inner.leaf as leaf

print(leaf.LEAF, leaf.__name__)
from pkg import sub

print(sub.NAME, sub.helper_value)
from pkg.inner import leaf as leaf2

print(leaf2 is leaf)
from pkg.sub import *

print(NAME, "_private" in globals())
try:
    import no_such_module_here
except ImportError:
    print("ImportError for a missing module")
try:
    from helper import no_such_name
except ImportError:
    print("ImportError for a missing name")
try:
    import broken
except ZeroDivisionError:
    print("broken raised")
try:
    import broken
except ZeroDivisionError:
    print("broken raised again: a failed import leaves no module")
import cycle_a

print(cycle_a.A, cycle_a.b_saw)


class Holder:
    import helper as inside

    value = inside.VALUE


print(Holder.value)


def lazy():
    from pkg.inner import leaf

    return leaf.LEAF


print(lazy())
