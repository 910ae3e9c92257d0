# expect: clean
# Fixed 59 with an asyncio.Lock around the read-await-write.
import asyncio

balance = 100


async def withdraw(n, lock):
    global balance
    async with lock:
        b = balance
        await asyncio.sleep(0)
        balance = b - n


async def main():
    lock = asyncio.Lock()
    await asyncio.gather(withdraw(10, lock), withdraw(20, lock), withdraw(30, lock))
    print("balance", balance)


asyncio.run(main())
