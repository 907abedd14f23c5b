# requires: async, modules, datatypes
import asyncio
order = []
async def worker(name, delay):
    await asyncio.sleep(delay)
    order.append(name)
async def main():
    await asyncio.gather(worker("c", 0.03), worker("a", 0.01), worker("b", 0.02))
    print(order)
asyncio.run(main())
