# expect: clean
# Fixed 03 with a Condition used as the lock (and a notify for a waiting reporter).
import threading

counter = 0
cond = threading.Condition()


def work():
    global counter
    for _ in range(250):
        with cond:
            counter += 1
            if counter == 1000:
                cond.notify_all()


def report():
    with cond:
        cond.wait_for(lambda: counter == 1000)
        print("reporter saw", counter)


r = threading.Thread(target=report)
r.start()
threads = [threading.Thread(target=work) for _ in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()
r.join()
print("counter =", counter)
