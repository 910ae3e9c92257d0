# expect: deadlock
# allow: potential-deadlock
# explore: 30
# Dining philosophers: each takes the left fork, prints, then takes the right one.
# The print can hand the GIL over while a fork is held: all five can hold their left fork.
import threading

N = 5
forks = [threading.Lock() for _ in range(N)]


def philosopher(i):
    left, right = forks[i], forks[(i + 1) % N]
    with left:
        print("philosopher", i, "has the left fork")
        with right:
            pass


threads = [threading.Thread(target=philosopher, args=(i,)) for i in range(N)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print("all ate")
