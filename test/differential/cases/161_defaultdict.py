from collections import defaultdict
groups = defaultdict(list)
for word in ["apple", "bat", "avocado", "cat", "banana", "cherry"]:
    groups[word[0]].append(word)
print(groups)
print(dict(groups), groups["z"], "z" in groups, len(groups))
counts = defaultdict(int)
for ch in "abracadabra":
    counts[ch] += 1
print(counts, sorted(counts.items(), key=lambda kv: -kv[1]))
nested = defaultdict(lambda: defaultdict(int))
nested["a"]["x"] += 1
nested["a"]["y"] += 2
nested["b"]["x"] += 3
print({k: dict(v) for k, v in nested.items()})
const = defaultdict(lambda: "N/A")
const["set"] = "value"
print(const["set"], const["missing"], dict(const))
plain = defaultdict()
try:
    plain["k"]
except KeyError as e:
    print("KeyError:", e)
print(plain.default_factory, groups.default_factory, counts.default_factory)
sets = defaultdict(set)
sets["a"].add(1)
sets["a"].add(1)
sets["b"].add(2)
print(sets)
print(counts.get("zz"), "zz" in counts, counts.get("a"))
tree = lambda: defaultdict(tree)
t = tree()
t["x"]["y"]["z"] = 1
print(t["x"]["y"]["z"], list(t["x"]))
dd = defaultdict(list, {"pre": [1]})
dd["pre"].append(2)
print(dd, isinstance(dd, dict), dd.copy())
