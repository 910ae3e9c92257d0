# expect: race
# Check-then-act on a dict key removal: `if k in d: del d[k]` from two threads
# (both may pass the check; the second del raises KeyError).
import threading

sessions = {"alice": 1, "bob": 2}
removed = []


def logout(user):
    if user in sessions:
        del sessions[user]
        removed.append(user)


threads = [threading.Thread(target=logout, args=("alice",)) for _ in range(2)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(sorted(sessions))
