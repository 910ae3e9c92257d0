# expect: clean
# collections.deque append/popleft are atomic under the GIL.
import collections
import threading

dq = collections.deque(range(300))
taken = []


def work():
    while True:
        try:
            x = dq.popleft()
        except IndexError:
            return
        taken.append(x)


threads = [threading.Thread(target=work) for _ in range(3)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(len(taken), sum(taken))
