# expect: clean
# explore: 40
# Fixed 35/36: both threads take the locks in one global order (by id).
import threading
import time

a = threading.Lock()
b = threading.Lock()
moves = []


def transfer(first, second, label):
    x, y = sorted((first, second), key=id)
    with x:
        time.sleep(0.01)
        with y:
            moves.append(label)


t1 = threading.Thread(target=transfer, args=(a, b, "a -> b"))
t2 = threading.Thread(target=transfer, args=(b, a, "b -> a"))
t1.start()
t2.start()
t1.join()
t2.join()
print(sorted(moves))
