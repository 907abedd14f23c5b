# requires: async, modules
import asyncio
async def waiter(ev, n):
    await ev.wait()
    print("woken", n)
async def main():
    ev = asyncio.Event()
    tasks = [asyncio.create_task(waiter(ev, i)) for i in range(3)]
    await asyncio.sleep(0.01)
    print("setting", ev.is_set())
    ev.set()
    await asyncio.gather(*tasks)
    print("done", ev.is_set())
asyncio.run(main())
