def step(live):
    counts = {}
    for (r, c) in live:
        for dr in (-1, 0, 1):
            for dc in (-1, 0, 1):
                if dr or dc:
                    key = (r + dr, c + dc)
                    counts[key] = counts.get(key, 0) + 1
    return {cell for cell, n in counts.items() if n == 3 or (n == 2 and cell in live)}
def render(live, rows, cols):
    return "\n".join("".join("#" if (r, c) in live else "." for c in range(cols)) for r in range(rows))
glider = {(0, 1), (1, 2), (2, 0), (2, 1), (2, 2)}
state = glider
for gen in range(4):
    print(f"generation {gen}:")
    print(render(state, 6, 6))
    state = step(state)
print(sorted(state))
blinker = {(1, 0), (1, 1), (1, 2)}
print(sorted(step(blinker)), step(step(blinker)) == blinker)
block = {(0, 0), (0, 1), (1, 0), (1, 1)}
print(step(block) == block, len(step({(0, 0)})))
grid = [[0] * 5 for _ in range(5)]
for r, c in [(1, 2), (2, 2), (3, 2)]:
    grid[r][c] = 1
def step_grid(g):
    n = len(g)
    def neighbors(r, c):
        return sum(g[(r + dr) % n][(c + dc) % n] for dr in (-1, 0, 1) for dc in (-1, 0, 1) if dr or dc)
    return [[1 if (g[r][c] and neighbors(r, c) in (2, 3)) or (not g[r][c] and neighbors(r, c) == 3) else 0
             for c in range(n)] for r in range(n)]
for row in step_grid(grid):
    print(row)
