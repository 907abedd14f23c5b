# requires: float, exceptions, async, modules
import asyncio
async def slow():
    await asyncio.sleep(1)
    return "late"
async def main():
    try:
        await asyncio.wait_for(slow(), 0.01)
    except asyncio.TimeoutError:
        print("timed out")
asyncio.run(main())
