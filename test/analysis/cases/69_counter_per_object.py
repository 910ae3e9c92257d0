# expect: clean
# Each thread increments the attribute of its own object: distinct locations, no race.
import threading


class Tally:
    def __init__(self):
        self.n = 0


tallies = [Tally() for _ in range(3)]


def work(t):
    for _ in range(200):
        t.n += 1


threads = [threading.Thread(target=work, args=(t,)) for t in tallies]
for t in threads:
    t.start()
for t in threads:
    t.join()
print([t.n for t in tallies])
