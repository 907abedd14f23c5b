# requires: async, modules, exceptions
import asyncio
async def ok(v):
    await asyncio.sleep(0)
    return v
async def bad():
    await asyncio.sleep(0)
    raise ValueError("bad task")
async def main():
    try:
        await asyncio.gather(ok(1), bad())
    except ValueError as e:
        print("gather raised", e)
    res = await asyncio.gather(ok(2), bad(), return_exceptions=True)
    print(res[0], type(res[1]).__name__)
asyncio.run(main())
