# requires: async, modules
import asyncio
async def level(n):
    if n == 0:
        await asyncio.sleep(0)
        return 0
    return 1 + await level(n - 1)
async def main():
    print(await level(10))
print(asyncio.run(main()))
