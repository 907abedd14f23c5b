# requires: classes, exceptions, async, modules
import asyncio
class Ticker:
    def __init__(self, n):
        self.n = n
    def __aiter__(self):
        return self
    async def __anext__(self):
        if self.n == 0:
            raise StopAsyncIteration
        self.n -= 1
        await asyncio.sleep(0)
        return self.n
async def main():
    async for v in Ticker(3):
        print("tick", v)
asyncio.run(main())
