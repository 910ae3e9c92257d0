# Lost update: two threads run `balance = balance + n` with no lock.
# The read and the write are separate bytecodes; another thread can run in between and its
# update is lost. Under the 3.9 profile (a switch between any two bytecodes) the final balance
# is often not 0; under 3.10-3.12 the GIL is only handed over at calls and backward jumps, so
# it prints 0 -- the race is still there.
import threading

balance = 0


def change_it(n):
    global balance
    balance = balance + n
    balance = balance - n


def run_thread(n):
    for i in range(10000):
        change_it(n)


t1 = threading.Thread(target=run_thread, args=(5,))
t2 = threading.Thread(target=run_thread, args=(8,))
t1.start()
t2.start()
t1.join()
t2.join()
print(balance)
