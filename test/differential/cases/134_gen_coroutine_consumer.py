def consumer():
    r = ""
    while True:
        n = yield r
        if not n:
            return
        print(f"[CONSUMER] Consuming {n}...")
        r = "200 OK"
def produce(c):
    c.send(None)
    n = 0
    while n < 5:
        n = n + 1
        print(f"[PRODUCER] Producing {n}...")
        r = c.send(n)
        print(f"[PRODUCER] Consumer return: {r}")
    c.close()
c = consumer()
produce(c)
def coroutine(func):
    def start(*args, **kwargs):
        cr = func(*args, **kwargs)
        next(cr)
        return cr
    return start
@coroutine
def grep(pattern, target):
    while True:
        line = yield
        if pattern in line:
            target.send(line)
@coroutine
def printer(prefix):
    while True:
        line = yield
        print(prefix, line)
@coroutine
def broadcast(targets):
    while True:
        item = yield
        for t in targets:
            t.send(item)
p = broadcast([grep("python", printer("py:")), grep("ing", printer("ing:"))])
for line in ["python is fun", "nothing here", "python coroutines are interesting", "x"]:
    p.send(line)
