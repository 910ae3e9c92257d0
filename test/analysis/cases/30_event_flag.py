# expect: clean
# Fixed 29: a threading.Event carries the signal (and the happens-before edge).
import threading
import time

done = threading.Event()


def worker():
    done.wait()
    print("worker saw done")


t = threading.Thread(target=worker)
t.start()
time.sleep(0.02)
done.set()
t.join()
print("main finished")
