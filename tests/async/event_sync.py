# requires: float, async, modules, datatypes
import asyncio
async def waiter(ev, name):
    await ev.wait()
    print("woke", name)
async def main():
    ev = asyncio.Event()
    t = asyncio.create_task(waiter(ev, "w1"))
    await asyncio.sleep(0.01)
    print("setting")
    ev.set()
    await t
asyncio.run(main())
