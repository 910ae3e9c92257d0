def worker():
    print("worker start")
    try:
        while True:
            try:
                job = yield
                print("processing", job)
            except ValueError as e:
                print("recovered from", e)
    except GeneratorExit:
        print("worker got GeneratorExit, cleaning up")
        raise
    finally:
        print("worker finally")
w = worker()
next(w)
w.send("job1")
w.throw(ValueError("bad job"))
w.send("job2")
w.close()
w.close()
print("closed twice fine")
try:
    w.send("job3")
except StopIteration:
    print("send after close -> StopIteration")
def stubborn():
    try:
        yield 1
    except GeneratorExit:
        yield "refuse"
s = stubborn()
next(s)
try:
    s.close()
except RuntimeError as e:
    print("RuntimeError:", e)
