# expect: hang
# A Barrier for two parties with three threads: two pass, the third waits for a partner
# that never comes.
import threading
import time

barrier = threading.Barrier(2)


def worker(i):
    time.sleep(0.01 * i)
    barrier.wait()


threads = [threading.Thread(target=worker, args=(i,)) for i in range(3)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print("all passed")
