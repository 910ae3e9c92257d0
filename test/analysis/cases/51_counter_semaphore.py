# expect: clean
# Fixed 03 with a Semaphore(1) used as a mutex (release -> acquire is a sync edge too).
import threading

counter = 0
sem = threading.Semaphore(1)


def work():
    global counter
    for _ in range(250):
        sem.acquire()
        counter += 1
        sem.release()


threads = [threading.Thread(target=work) for _ in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print("counter =", counter)
