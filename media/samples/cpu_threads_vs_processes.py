# CPU-bound work on threads and on processes. Threads of one process take turns on the GIL,
# so four threads take about as long as doing the work four times in a row; four processes
# each have their own GIL and run in parallel on the cores.
import multiprocessing
import threading
import time


def busy(n):
    total = 0
    for i in range(n):
        total += i * i
    return total


def timed(label, workers):
    start = time.time()
    for w in workers:
        w.start()
    for w in workers:
        w.join()
    print(label, round(time.time() - start, 2), "s")


if __name__ == "__main__":
    N = 600000
    timed("4 threads:", [threading.Thread(target=busy, args=(N,)) for _ in range(4)])
    timed("4 processes:", [multiprocessing.Process(target=busy, args=(N,)) for _ in range(4)])
