# expect: race
# asyncio: a read, an await, then the write back: another task's withdrawal in between is lost.
import asyncio

balance = 100


async def withdraw(n):
    global balance
    b = balance
    await asyncio.sleep(0)
    balance = b - n


async def main():
    await asyncio.gather(withdraw(10), withdraw(20), withdraw(30))
    print("balance", balance)


asyncio.run(main())
