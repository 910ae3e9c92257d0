# expect: deadlock
# A join cycle: thread A joins B while B joins A.
import threading
import time


def run_a():
    time.sleep(0.01)
    tb.join()


def run_b():
    time.sleep(0.01)
    ta.join()


ta = threading.Thread(target=run_a, name="A")
tb = threading.Thread(target=run_b, name="B")
ta.start()
tb.start()
ta.join()
print("unreachable")
