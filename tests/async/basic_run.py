# requires: async, modules
import asyncio
async def hello(n):
    await asyncio.sleep(0)
    return n * 2
async def main():
    print(await hello(21))
asyncio.run(main())
