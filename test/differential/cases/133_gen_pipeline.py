log_lines = [
    "INFO start server",
    "DEBUG config loaded",
    "ERROR disk full",
    "INFO request /home 200",
    "ERROR timeout on db",
    "INFO request /about 404",
    "WARN slow response",
    "ERROR disk full",
]
def read(lines):
    for line in lines:
        print(f"  read: {line}")
        yield line
def parse(lines):
    for line in lines:
        level, _, msg = line.partition(" ")
        yield {"level": level, "msg": msg}
def only(level, records):
    for r in records:
        if r["level"] == level:
            yield r
def numbered(records):
    for i, r in enumerate(records, 1):
        yield f"{i}. {r['msg']}"
pipeline = numbered(only("ERROR", parse(read(log_lines))))
print("pipeline built")
for out in pipeline:
    print(out)
def batched(it, n):
    batch = []
    for x in it:
        batch.append(x)
        if len(batch) == n:
            yield batch
            batch = []
    if batch:
        yield batch
print(list(batched(range(10), 4)))
def window(seq, n):
    it = iter(seq)
    win = []
    for x in it:
        win.append(x)
        if len(win) > n:
            win.pop(0)
        if len(win) == n:
            yield tuple(win)
print(list(window("abcdef", 3)))
def moving_avg(values, n):
    for w in window(values, n):
        yield round(sum(w) / n, 2)
print(list(moving_avg([1, 2, 3, 4, 10, 20], 3)))
from collections import Counter
c = Counter(r["msg"] for r in parse(log_lines) if r["level"] == "ERROR")
print(c.most_common())
