import os
import time
print(os.environ.get("INTERLEAVE_NOPE", "default"), os.environ.get("INTERLEAVE_NOPE"))
print(os.environ.get("INTERLEAVE_NOPE", "default").upper())
print(os.cpu_count() is not None)
t1 = time.time()
print(type(t1).__name__, isinstance(t1, float))
m1 = time.monotonic()
total = sum(range(10000))
m2 = time.monotonic()
print(m2 >= m1, type(m1).__name__, total)
readings = [time.monotonic() for _ in range(5)]
print(all(b >= a for a, b in zip(readings, readings[1:])), len(readings))
t2 = time.time()
print(t2 >= t1 or "clock went back", type(t2 - t1).__name__)
