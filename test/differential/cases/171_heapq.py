import heapq
h = []
for v in [5, 1, 8, 3, 2, 9, 1]:
    heapq.heappush(h, v)
    print(h)
print([heapq.heappop(h) for _ in range(len(h))], h)
data = [9, 4, 7, 1, 8, 2]
heapq.heapify(data)
print(data, data[0])
print(heapq.heappushpop(data, 0), heapq.heapreplace(data, 10), data)
nums = [15, 3, 99, -4, 42, 7, 7, 23]
print(heapq.nlargest(3, nums), heapq.nsmallest(3, nums), heapq.nsmallest(2, nums, key=abs))
people = [("ann", 31), ("bob", 25), ("cy", 40), ("dee", 25)]
print(heapq.nlargest(2, people, key=lambda p: p[1]), heapq.nsmallest(2, people, key=lambda p: p[1]))
print(list(heapq.merge([1, 4, 9], [2, 3, 10], [0])))
tasks = []
heapq.heappush(tasks, (2, "write code"))
heapq.heappush(tasks, (1, "design"))
heapq.heappush(tasks, (3, "test"))
heapq.heappush(tasks, (1, "coffee"))
while tasks:
    prio, name = heapq.heappop(tasks)
    print(prio, name)
try:
    heapq.heappop([])
except IndexError as e:
    print("IndexError:", e)
maxh = []
for v in [3, 1, 4, 1, 5]:
    heapq.heappush(maxh, -v)
print([-heapq.heappop(maxh) for _ in range(3)])
