import threading
for i in range(2):
    print(threading.currentThread().getName())
print(threading.activeCount())
