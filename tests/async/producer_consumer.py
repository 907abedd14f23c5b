# requires: async, modules, datatypes
import asyncio
async def producer(buf, ev, n):
    for i in range(n):
        buf.append(i)
        await asyncio.sleep(0.005)
    ev.set()
async def consumer(buf, ev, out):
    while not ev.is_set() or buf:
        if buf:
            out.append(buf.pop(0) * 10)
        await asyncio.sleep(0.001)
async def main():
    buf, out = [], []
    ev = asyncio.Event()
    await asyncio.gather(producer(buf, ev, 4), consumer(buf, ev, out))
    print(out)
asyncio.run(main())
