# The contended-lock loop's work done by one thread: 2 x 50 000 locked increments.
import threading

lock = threading.Lock()
count = 0

def work(n):
    global count
    for _ in range(n):
        with lock:
            count += 1

work(100000)
print(count)
