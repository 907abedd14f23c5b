# requires: float, exceptions, async, modules, datatypes
import asyncio
async def use(lock, name, log):
    async with lock:
        log.append(name + "+")
        await asyncio.sleep(0.001)
        log.append(name + "-")
async def main():
    lock = asyncio.Lock()
    log = []
    await asyncio.gather(use(lock, "a", log), use(lock, "b", log))
    print(log)
asyncio.run(main())
