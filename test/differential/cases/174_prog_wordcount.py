from collections import Counter
text = """It was the best of times, it was the worst of times, it was the age of wisdom,
it was the age of foolishness, it was the epoch of belief, it was the epoch of incredulity,
it was the season of Light, it was the season of Darkness, it was the spring of hope,
it was the winter of despair."""
def words_of(t):
    cleaned = "".join(c.lower() if c.isalpha() or c.isspace() else " " for c in t)
    return cleaned.split()
words = words_of(text)
print(len(words), len(set(words)))
counts = {}
for w in words:
    counts[w] = counts.get(w, 0) + 1
for w, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:8]:
    print(f"{w:<10}{n:>3} {'*' * n}")
c = Counter(words)
print(c.most_common(5))
print(sorted(w for w, n in c.items() if n == 1))
by_len = {}
for w in sorted(set(words)):
    by_len.setdefault(len(w), []).append(w)
for length in sorted(by_len):
    print(length, by_len[length])
lines = text.splitlines()
for i, line in enumerate(lines, 1):
    print(i, len(line.split()), line.count("of"))
letters = Counter(ch for ch in text.lower() if ch.isalpha())
print(letters.most_common(6), sum(letters.values()))
longest = max(words, key=len)
print(longest, len(longest), words.index(longest))
