# expect: clean
# Fixed 18: the check and the creation happen under a Lock.
import threading

_instance = None
_lock = threading.Lock()


class Config:
    def __init__(self):
        self.values = {}


def get_config():
    global _instance
    with _lock:
        if _instance is None:
            _instance = Config()
        return _instance


seen = []


def worker():
    seen.append(id(get_config()))


threads = [threading.Thread(target=worker) for _ in range(3)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(len(set(seen)))
