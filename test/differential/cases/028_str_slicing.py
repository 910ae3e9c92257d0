s = "abcdefghij"
print(s[0], s[-1], s[3:7], s[:3], s[7:], s[-3:], s[:-3], s[:])
print(s[::2], s[1::2], s[::-1], s[::-2], s[8:2:-1], s[8:2:-3], s[-1:-4:-1])
print(repr(s[5:2]), repr(s[100:]), s[-100:3], s[3:100], repr(s[2:2]))
print(s[::3], s[-2::-3], s[:0:-1], s[0:10:4])
print(s[slice(2, 8, 2)], s[slice(None, None, -1)], slice(1, 5, 2))
print(slice(1, 10, 3).indices(5), slice(None, None, -1).indices(4))
try:
    s[10]
except IndexError as e:
    print("IndexError:", e)
try:
    s[::0]
except ValueError as e:
    print("ValueError:", e)
try:
    s[0] = 'z'
except TypeError as e:
    print("TypeError:", e)
try:
    s['a']
except TypeError as e:
    print("TypeError:", e)
u = "héllo 中文 😀!"
print(u[::-1], u[6:8], len(u), u[-2], u.index('中'))
print("racecar"[::-1] == "racecar", "hello"[::-1] == "hello")
