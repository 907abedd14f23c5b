# requires: async, modules
import asyncio
async def compute(x):
    await asyncio.sleep(0.01)
    return x * x
async def main():
    t1 = asyncio.create_task(compute(3))
    t2 = asyncio.create_task(compute(4))
    print("created")
    print(await t1 + await t2)
asyncio.run(main())
