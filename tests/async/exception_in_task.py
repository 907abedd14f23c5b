# requires: exceptions, async, modules
import asyncio
async def bad():
    await asyncio.sleep(0)
    raise ValueError("task failed")
async def main():
    try:
        await bad()
    except ValueError as e:
        print("caught", e)
asyncio.run(main())
