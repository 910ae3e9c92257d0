# expect: race
# The read and the write back of a lost update are in two helper functions:
# `write(read() + 1)` is still a read-modify-write of `counter`.
import threading

counter = 0


def read():
    return counter


def write(v):
    global counter
    counter = v


def work():
    for _ in range(200):
        write(read() + 1)


threads = [threading.Thread(target=work) for _ in range(3)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print("counter =", counter)
