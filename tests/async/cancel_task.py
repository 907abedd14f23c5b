# requires: async, modules, exceptions
import asyncio
async def forever():
    try:
        while True:
            await asyncio.sleep(0.01)
    except asyncio.CancelledError:
        print("cancelled inside")
        raise
async def main():
    t = asyncio.create_task(forever())
    await asyncio.sleep(0.025)
    t.cancel()
    try:
        await t
    except asyncio.CancelledError:
        print("cancelled outside")
asyncio.run(main())
