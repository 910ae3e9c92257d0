# expect: race
# Lost update on a closure variable: `nonlocal total; total += n`.
import threading


def main():
    total = 0

    def add(n):
        nonlocal total
        for _ in range(200):
            total += n

    threads = [threading.Thread(target=add, args=(k,)) for k in (1, 2, 3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    print("total", total)


main()
