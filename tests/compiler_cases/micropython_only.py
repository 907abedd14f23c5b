# Programs CPython rejects but mpy-cross v1.19 accepts (so ours must compile them to the
# same bytes): a tab is 8 columns, await in a plain def, yield from in async def,
# repeated keyword args, a bare * with nothing after, a generator arg beside others,
# lambda *: , an annotated tuple target, const() of a float.
if 1:
	x = 1
        y = 2
def plain_await():
    await g()
async def async_yield_from():
    yield from g()
f(a=1, a=2)
def bare_star(a, *):
    pass
f(x for x in y, 1)
g = lambda *: 1
a, b: int = 1, 2
from micropython import const
X = const(1.5)
