import random
r = random.Random(7)
print(r.random(), r.randint(1, 100), r.choice(["a", "b", "c"]))
r2 = random.Random(7)
print(r2.random(), r2.randint(1, 100), r2.choice(["a", "b", "c"]))
g1, g2 = random.Random(1), random.Random(2)
print([g1.randint(0, 9) for _ in range(8)])
print([g2.randint(0, 9) for _ in range(8)])
items = list("abcdefgh")
random.Random(99).shuffle(items)
print(items)
print(random.Random(5).sample(range(1000), 4), random.Random("seed").random())
rng = random.Random()
rng.seed(2024)
rolls = [rng.randint(1, 6) for _ in range(20)]
print(rolls, sum(rolls))
from collections import Counter
rng.seed(11)
print(sorted(Counter(rng.choice("HT") for _ in range(50)).items()))
rng.seed(3)
print([rng.randrange(1, 50, 7) for _ in range(6)], round(rng.uniform(-1, 1), 12))
def monte_carlo_pi(n, seed):
    g = random.Random(seed)
    inside = sum(1 for _ in range(n) if g.random() ** 2 + g.random() ** 2 <= 1)
    return 4 * inside / n
print(monte_carlo_pi(2000, 42))
print(random.Random(0).random() == random.Random(0).random(), random.Random(10).getrandbits(32))
