# expect: race
# Check-then-act on a list: `if stack: stack.pop()` from two threads can pop an empty list.
import threading

stack = list(range(100))
popped = []


def drain():
    while stack:
        popped.append(stack.pop())


threads = [threading.Thread(target=drain) for _ in range(2)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(len(popped))
