# expect: clean
# explore: 60
# Fixed 31/32: every philosopher takes the lower-numbered fork first (a global order).
import threading
import time

N = 5
forks = [threading.Lock() for _ in range(N)]
meals = []


def philosopher(i):
    a, b = sorted((i, (i + 1) % N))
    with forks[a]:
        time.sleep(0.01)
        with forks[b]:
            meals.append(i)


threads = [threading.Thread(target=philosopher, args=(i,)) for i in range(N)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print("meals:", len(meals))
