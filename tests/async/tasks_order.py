# requires: float, async, modules
import asyncio
async def worker(name, delay):
    await asyncio.sleep(delay)
    print("finished", name)
    return name
async def main():
    t1 = asyncio.create_task(worker("slow", 0.03))
    t2 = asyncio.create_task(worker("fast", 0.01))
    print(await t1, await t2)
asyncio.run(main())
