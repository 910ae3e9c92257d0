# expect: deadlock
# allow: potential-deadlock
# explore: 10
# Dining philosophers with time.sleep(0.01) between the forks: every schedule deadlocks.
import threading
import time

N = 5
forks = [threading.Lock() for _ in range(N)]


def philosopher(i):
    left, right = forks[i], forks[(i + 1) % N]
    with left:
        time.sleep(0.01)
        with right:
            print("philosopher", i, "eats")


threads = [threading.Thread(target=philosopher, args=(i,)) for i in range(N)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print("all ate")
