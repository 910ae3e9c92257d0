import asyncio

async def work(name, delay, fail=False):
    await asyncio.sleep(delay)
    if fail:
        raise ValueError(f"{name} failed")
    return f"{name} done"

async def main():
    print(await asyncio.gather(work("a", 0.2), work("b", 0.1)))
    print(await asyncio.gather(work("a", 0.2), work("b", 0.1, True), return_exceptions=True))
    try:
        await asyncio.wait_for(work("slow", 5), timeout=0.5)
    except asyncio.TimeoutError:
        print("timed out")
    lock = asyncio.Lock()
    order = []
    async def crit(i):
        async with lock:
            order.append(("in", i))
            await asyncio.sleep(0.01)
            order.append(("out", i))
    await asyncio.gather(*(crit(i) for i in range(3)))
    print(order)
    ev = asyncio.Event()
    async def waiter():
        await ev.wait()
        return "woke"
    t = asyncio.create_task(waiter())
    await asyncio.sleep(0)
    ev.set()
    print(await t)
    t2 = asyncio.create_task(work("never", 10))
    await asyncio.sleep(0.1)
    t2.cancel()
    try:
        await t2
    except asyncio.CancelledError:
        print("cancelled", t2.cancelled())
    q = asyncio.Queue(maxsize=2)
    async def producer():
        for i in range(5):
            await q.put(i)
        await q.put(None)
    async def consumer():
        got = []
        while (item := await q.get()) is not None:
            got.append(item)
        return got
    p = asyncio.create_task(producer())
    print(await consumer())
    await p
    for coro in asyncio.as_completed([work("x", 0.3), work("y", 0.1), work("z", 0.2)]):
        print(await coro)
    print(asyncio.current_task().get_name(), type(asyncio.get_running_loop()).__name__ != "")
    done, pending = await asyncio.wait([asyncio.create_task(work("p", 0.1)), asyncio.create_task(work("q", 1))], return_when=asyncio.FIRST_COMPLETED)
    print(len(done), len(pending))
    for t in pending: t.cancel()

asyncio.run(main())
print(asyncio.iscoroutinefunction(work), asyncio.iscoroutinefunction(print))


async def boom():
    await asyncio.sleep(0.1)
    raise KeyError("inside a task")


async def outer():
    t = asyncio.create_task(boom())
    try:
        await t
    except KeyError as e:
        print("caught", repr(e), t.done(), type(t.exception()).__name__)
    coro = boom()
    try:
        asyncio.run(coro)
    except RuntimeError as e:
        print(e)
    coro.close()

asyncio.run(outer())
loop = asyncio.new_event_loop()
print(loop.run_until_complete(work("direct", 0.5)), loop.is_running(), loop.is_closed())
loop.close()
late = work("late", 0)
try:
    loop.run_until_complete(late)
except RuntimeError as e:
    print(e)
late.close()
