# expect: clean
# Fixed 11: the closure variable is updated under a Lock.
import threading


def main():
    total = 0
    lock = threading.Lock()

    def add(n):
        nonlocal total
        for _ in range(200):
            with lock:
                total += n

    threads = [threading.Thread(target=add, args=(k,)) for k in (1, 2, 3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    print("total", total)


main()
