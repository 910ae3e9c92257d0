import heapq
import itertools
class PriorityQueue:
    def __init__(self):
        self._heap = []
        self._counter = itertools.count()
        self._entries = {}
    def push(self, item, priority):
        if item in self._entries:
            self.remove(item)
        entry = [priority, next(self._counter), item]
        self._entries[item] = entry
        heapq.heappush(self._heap, entry)
    def remove(self, item):
        entry = self._entries.pop(item)
        entry[-1] = None
    def pop(self):
        while self._heap:
            priority, _, item = heapq.heappop(self._heap)
            if item is not None:
                del self._entries[item]
                return item, priority
        raise KeyError("pop from an empty priority queue")
    def __len__(self):
        return len(self._entries)
pq = PriorityQueue()
for item, p in [("write", 3), ("read", 1), ("sleep", 5), ("eat", 2), ("code", 1)]:
    pq.push(item, p)
pq.push("sleep", 0)
pq.remove("eat")
print(len(pq))
while len(pq):
    print(pq.pop())
try:
    pq.pop()
except KeyError as e:
    print("KeyError:", e)
graph = {"A": {"B": 4, "C": 2}, "B": {"C": 5, "D": 10}, "C": {"E": 3}, "D": {"F": 11}, "E": {"D": 4}, "F": {}}
def dijkstra(start):
    dist = {start: 0}
    prev = {}
    heap = [(0, start)]
    while heap:
        d, node = heapq.heappop(heap)
        if d > dist.get(node, float("inf")):
            continue
        for nxt, w in graph[node].items():
            nd = d + w
            if nd < dist.get(nxt, float("inf")):
                dist[nxt] = nd
                prev[nxt] = node
                heapq.heappush(heap, (nd, nxt))
    return dist, prev
dist, prev = dijkstra("A")
print(dict(sorted(dist.items())))
node, path = "F", []
while node:
    path.append(node)
    node = prev.get(node)
print(" -> ".join(reversed(path)))
