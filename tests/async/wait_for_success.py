# requires: async, modules, exceptions
import asyncio
async def quick():
    await asyncio.sleep(0.01)
    return "quick"
async def slow():
    await asyncio.sleep(0.2)
    return "slow"
async def main():
    print(await asyncio.wait_for(quick(), 0.1))
    try:
        await asyncio.wait_for(slow(), 0.05)
    except asyncio.TimeoutError:
        print("timeout")
asyncio.run(main())
