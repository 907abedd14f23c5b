# requires: float, async, modules
import asyncio
async def square(x):
    await asyncio.sleep(0.001 * x)
    return x * x
async def main():
    print(await asyncio.gather(square(3), square(1), square(2)))
asyncio.run(main())
