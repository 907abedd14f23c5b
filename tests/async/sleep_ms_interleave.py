# requires: async, modules
import asyncio
try:
    sleep_ms = asyncio.sleep_ms
except AttributeError:
    async def sleep_ms(ms):
        await asyncio.sleep(ms / 1000)
async def ticker(name, period, n):
    for i in range(n):
        await sleep_ms(period)
        print(name, i)
async def main():
    await asyncio.gather(ticker("fast", 10, 3), ticker("slow", 25, 2))
asyncio.run(main())
