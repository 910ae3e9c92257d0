students = [
    {"name": "Alice", "scores": [92, 88, 95, 79]},
    {"name": "Bob", "scores": [75, 64, 80, 70]},
    {"name": "Chandra", "scores": [88, 92, 85, 91]},
    {"name": "Dmitri", "scores": [55, 61, 58, 49]},
    {"name": "Eve", "scores": [100, 97, 99, 100]},
]
def letter(avg):
    for cutoff, grade in [(90, "A"), (80, "B"), (70, "C"), (60, "D")]:
        if avg >= cutoff:
            return grade
    return "F"
for s in students:
    s["avg"] = sum(s["scores"]) / len(s["scores"])
    s["grade"] = letter(s["avg"])
header = f"{'Name':<10}{'Scores':<20}{'Avg':>7}  Grade"
print(header)
print("-" * len(header))
for s in sorted(students, key=lambda s: s["avg"], reverse=True):
    scores = ",".join(f"{x:3d}" for x in s["scores"])
    print(f"{s['name']:<10}{scores:<20}{s['avg']:>7.2f}  {s['grade']}")
print("-" * len(header))
all_scores = [x for s in students for x in s["scores"]]
print(f"class average: {sum(all_scores) / len(all_scores):.3f}")
print(f"highest: {max(all_scores)}, lowest: {min(all_scores)}")
dist = {}
for s in students:
    dist.setdefault(s["grade"], []).append(s["name"])
for g in sorted(dist):
    print(g, dist[g])
per_test = list(zip(*(s["scores"] for s in students)))
print([round(sum(t) / len(t), 1) for t in per_test])
median = sorted(all_scores)[len(all_scores) // 2 - 1: len(all_scores) // 2 + 1]
print(median, sum(median) / 2)
print("honor roll:", ", ".join(s["name"] for s in students if s["grade"] == "A") or "nobody")
