# expect: gil-serialized
# severity: warning
# Two CPU-bound threads with no shared state: correct, but the GIL runs them one at a time.
# Each sum(range(2_000_000)) takes CPython 3.11 about 30-40 ms, holding the GIL throughout.
import threading


def crunch(out, i):
    s = 0
    for _ in range(5):
        s += sum(range(2_000_000))
    out[i] = s


out = [0, 0]
threads = [threading.Thread(target=crunch, args=(out, i)) for i in range(2)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(out[0] == out[1], out[0])
