# expect: clean
# Fixed 18 with double-checked locking: the unlocked first check is only a fast path;
# the decision to create is taken again under the Lock.
import threading

_instance = None
_lock = threading.Lock()


class Config:
    pass


def get_config():
    global _instance
    if _instance is None:
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
