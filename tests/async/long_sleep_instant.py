# requires: async, modules
# Sleeps add up to minutes of simulated time; the event loop's clock is virtual on the
# Python-hosted VM, so this runs instantly there (CPython's expected output is cached).
import asyncio
async def nap(n):
    await asyncio.sleep(0)
    return n
async def main():
    total = 0
    for i in range(5):
        total += await nap(i)
    print(total)
asyncio.run(main())
