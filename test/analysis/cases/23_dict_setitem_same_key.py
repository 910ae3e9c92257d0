# expect: clean
# `d[k] = v` with the same key from every thread: last writer wins, but no read-modify-write.
import threading

status = {}


def work(name):
    for _ in range(50):
        status["last"] = name


threads = [threading.Thread(target=work, args=("t%d" % i,)) for i in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(len(status), status["last"] in ("t0", "t1", "t2", "t3"))
