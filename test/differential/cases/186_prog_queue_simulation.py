from collections import deque
def round_robin(jobs, quantum):
    queue = deque(jobs.items())
    clock = 0
    finished = {}
    timeline = []
    while queue:
        name, remaining = queue.popleft()
        run = min(quantum, remaining)
        timeline.append(f"{clock:>3}: {name} runs {run}")
        clock += run
        remaining -= run
        if remaining:
            queue.append((name, remaining))
        else:
            finished[name] = clock
    return timeline, finished
timeline, finished = round_robin({"A": 5, "B": 2, "C": 7, "D": 3}, 2)
print("\n".join(timeline))
print(finished, sum(finished.values()) / len(finished))
def bank_queue(arrivals, service_time):
    waiting = deque()
    served = []
    t = 0
    free_at = 0
    for arrival, cust in arrivals:
        waiting.append((arrival, cust))
    while waiting:
        arrival, cust = waiting.popleft()
        start = max(arrival, free_at)
        free_at = start + service_time
        served.append((cust, arrival, start, start - arrival))
    return served
for row in bank_queue([(0, "ann"), (1, "bob"), (1, "cy"), (10, "dee"), (11, "eli")], 3):
    print("%-4s arrived %2d served %2d waited %d" % row)
def josephus(n, k):
    circle = deque(range(1, n + 1))
    order = []
    while len(circle) > 1:
        circle.rotate(-(k - 1))
        order.append(circle.popleft())
    return order, circle[0]
print(josephus(7, 3), josephus(10, 2)[1])
def hot_potato(names, passes):
    q = deque(names)
    while len(q) > 1:
        q.rotate(-passes)
        print("out:", q.pop())
    return q[0]
print("winner:", hot_potato(["Bill", "David", "Susan", "Jane", "Kent", "Brad"], 7))
