# requires: async, modules
import asyncio
async def critical(lock, name, log):
    async with lock:
        log.append(name + ">")
        await asyncio.sleep(0.01)
        log.append("<" + name)
async def main():
    lock = asyncio.Lock()
    log = []
    await asyncio.gather(critical(lock, "a", log), critical(lock, "b", log), critical(lock, "c", log))
    print(log, lock.locked())
asyncio.run(main())
