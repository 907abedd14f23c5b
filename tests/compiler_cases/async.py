# async def, await, async for, async with (several items, with and without as), async
# generators are not in MicroPython 1.19 so none here; await in expressions.
class Resource:
    async def __aenter__(self):
        return self

    async def __aexit__(self, *exc):
        return False

class Ticker:
    def __init__(self, n):
        self.n = n

    def __aiter__(self):
        return self

    async def __anext__(self):
        if self.n <= 0:
            raise StopAsyncIteration
        self.n -= 1
        return self.n

async def nothing():
    pass

async def value(v):
    return v

async def awaits():
    a = await value(1)
    b = await value(2) + await value(3)
    await nothing()
    return [a, b, await value(4)]

async def iterate():
    out = []
    async for i in Ticker(3):
        out.append(i)
    async for j in Ticker(2):
        if j:
            continue
        break
    else:
        out.append("else")
    return out

async def contexts():
    async with Resource() as r:
        pass
    async with Resource() as a, Resource() as b:
        x = a is b
    async with Resource():
        y = 1
    return r, x, y

async def nested_async(n):
    async def inner():
        return n
    return await inner()

async def in_try():
    try:
        await value(1)
    except ValueError:
        await value(2)
    finally:
        await nothing()

def run(coro):
    try:
        coro.send(None)
    except StopIteration as e:
        return e.value
