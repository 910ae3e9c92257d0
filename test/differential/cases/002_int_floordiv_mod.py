print(-7 // 2, -7 % 2)
print(7 // -2, 7 % -2)
print(-7 // -2, -7 % -2)
print(7 // 2, 7 % 2)
print(divmod(-7, 2), divmod(7, -2), divmod(-7, -2), divmod(7, 2))
print(divmod(0, 5), divmod(0, -5))
for a in (-10, -9, -1, 0, 1, 9, 10):
    for b in (-3, 3, -4, 4):
        q, r = divmod(a, b)
        assert q * b + r == a
        print(a, b, q, r, a // b, a % b)
print(-1 // 10 ** 20, -1 % 10 ** 20)
print(-7.5 // 2, -7.5 % 2)
print(7.5 // -2, 7.5 % -2)
print(divmod(-7.5, 2))
print(-0 // 5, 0 % -5)
