words = ["listen", "silent", "enlist", "google", "gooegl", "cat", "act", "tac", "dog", "god", "odg", "bird"]
groups = {}
for w in words:
    key = "".join(sorted(w))
    groups.setdefault(key, []).append(w)
for key, members in groups.items():
    print(key, members)
print(sorted((len(g), sorted(g)) for g in groups.values()))
print([g for g in groups.values() if len(g) > 1])
def is_anagram(a, b):
    norm = lambda s: sorted(c for c in s.lower() if c.isalpha())
    return norm(a) == norm(b)
pairs = [("Dormitory", "dirty room"), ("The eyes", "They see"), ("hello", "world"), ("", "")]
for a, b in pairs:
    print(f"{a!r} ~ {b!r}: {is_anagram(a, b)}")
from collections import Counter
def can_build(note, magazine):
    need, have = Counter(note), Counter(magazine)
    missing = need - have
    return not missing, dict(sorted(missing.items()))
print(can_build("aab", "baa"), can_build("hello", "hel"))
def palindromes(words):
    return [w for w in words if w == w[::-1]]
print(palindromes(["level", "noon", "abc", "a", "", "racecar", "ab"]))
def char_freq_signature(w):
    return tuple(sorted(Counter(w).values()))
sig = {}
for w in ["aabb", "abab", "xxyz", "abcd", "zzzz", "qqrr"]:
    sig.setdefault(char_freq_signature(w), []).append(w)
print(sig)
