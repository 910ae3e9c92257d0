import json
from dataclasses import dataclass, asdict, field
RAW = """
{
  "service": "api",
  "version": 3,
  "debug": false,
  "servers": [
    {"host": "a.example", "port": 8080, "weight": 0.5},
    {"host": "b.example", "port": 8081, "weight": 1.5, "tags": ["eu", "primary"]}
  ],
  "limits": {"rps": 100, "burst": null},
  "motd": "Caf\\u00e9 \\"open\\""
}
"""
@dataclass
class Server:
    host: str
    port: int
    weight: float = 1.0
    tags: list = field(default_factory=list)
cfg = json.loads(RAW)
servers = [Server(**s) for s in cfg["servers"]]
print(cfg["service"], cfg["version"], cfg["debug"], cfg["limits"], cfg["motd"])
for s in servers:
    print(s)
total = sum(s.weight for s in servers)
print({s.host: round(s.weight / total, 3) for s in servers})
cfg["servers"] = [asdict(s) for s in servers]
cfg["version"] += 1
cfg["limits"]["burst"] = 20
out = json.dumps(cfg, indent=2, sort_keys=True)
print(out)
print(json.loads(out) == cfg, len(out.splitlines()))
compact = json.dumps(cfg, separators=(",", ":"), ensure_ascii=False)
print(compact)
print(len(compact), len(json.dumps(cfg)))
def walk(obj, path="$"):
    if isinstance(obj, dict):
        for k, v in obj.items():
            yield from walk(v, f"{path}.{k}")
    elif isinstance(obj, list):
        for i, v in enumerate(obj):
            yield from walk(v, f"{path}[{i}]")
    else:
        yield path, obj
for p, v in walk(cfg):
    print(p, "=", json.dumps(v))
