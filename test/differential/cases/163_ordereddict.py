from collections import OrderedDict
od = OrderedDict()
od["b"] = 2
od["a"] = 1
od["c"] = 3
print(od, list(od), list(od.items()))
od.move_to_end("b")
print(list(od))
od.move_to_end("c", last=False)
print(list(od))
print(od.popitem(), od)
print(od.popitem(last=False), od)
od2 = OrderedDict([("x", 1), ("y", 2)])
od3 = OrderedDict([("y", 2), ("x", 1)])
print(od2 == od3, dict(od2) == dict(od3), od2 == {"y": 2, "x": 1})
try:
    OrderedDict().popitem()
except KeyError as e:
    print("KeyError:", e)
try:
    od2.move_to_end("missing")
except KeyError as e:
    print("KeyError:", e)
class LRU:
    def __init__(self, cap):
        self.cap = cap
        self.data = OrderedDict()
    def get(self, k):
        if k not in self.data:
            return None
        self.data.move_to_end(k)
        return self.data[k]
    def put(self, k, v):
        self.data[k] = v
        self.data.move_to_end(k)
        if len(self.data) > self.cap:
            evicted = self.data.popitem(last=False)
            print("evicted", evicted)
lru = LRU(2)
lru.put("a", 1)
lru.put("b", 2)
print(lru.get("a"))
lru.put("c", 3)
print(lru.get("b"), list(lru.data))
print(OrderedDict.fromkeys("xyz", 0), list(reversed(od2)), od2.copy())
