# The bank account of the threading tutorial, three ways at once: a balance updated by two
# threads without a lock (a lost update waiting to happen), a counter updated under a lock
# (correct), and two threads taking two locks in opposite orders (a deadlock some schedules
# reach). `npm run demo` runs it, prints what it printed and what Interleave found, and
# writes the timeline (demo-timeline.json, Chrome trace format: open it in Perfetto).
import threading

balance = 0
counter = 0
counter_lock = threading.Lock()
accounts = threading.Lock()
audit = threading.Lock()


def change_it(n):
    global balance
    balance = balance + n
    balance = balance - n


def deposit(n):
    global counter
    for _ in range(1000):
        change_it(n)
        with counter_lock:
            counter += 1


def transfer():
    with accounts:
        with audit:
            pass


def report():
    with audit:
        with accounts:
            pass


threads = [threading.Thread(target=deposit, args=(k,)) for k in (5, 8)]
threads += [threading.Thread(target=transfer), threading.Thread(target=report)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print("balance:", balance)
print("deposits:", counter)
