def find(items, target):
    for i, x in enumerate(items):
        if x == target:
            print(f"found {target} at {i}")
            break
    else:
        print(f"{target} not found")
find([1, 2, 3], 2)
find([1, 2, 3], 5)
find([], 1)
n = 0
while n < 3:
    n += 1
else:
    print("while else ran, n =", n)
while True:
    n -= 1
    if n == 0:
        break
else:
    print("never")
print("n =", n)
for p in range(2, 30):
    for d in range(2, p):
        if p % d == 0:
            break
    else:
        print(p, end=" ")
print()
for i in range(10):
    if i % 2:
        continue
    if i > 6:
        break
    print("even", i)
else:
    print("not reached because of break")
for i in range(3):
    continue
else:
    print("else after continue-only loop, i =", i)
outer_done = False
for i in range(3):
    for j in range(3):
        if i * j == 2:
            print("breaking inner at", i, j)
            break
    else:
        continue
    print("inner broke, breaking outer")
    break
count = 0
while count < 10:
    count += 1
    if count % 3:
        continue
    print("multiple of 3:", count)
