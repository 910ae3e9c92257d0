s = "key=value=more"
print(s.partition('='), s.rpartition('='))
print(s.partition('#'), s.rpartition('#'))
print("".partition('x'), "abc".partition('abc'), "abc".rpartition('a'))
try:
    s.partition('')
except ValueError as e:
    print("ValueError:", e)
for line in ["name: Alice", "age:30", "bad line", "url: http://x.y:80"]:
    k, sep, v = line.partition(':')
    print(repr(k), repr(sep), repr(v.strip()))
path = "/usr/local/lib/python3.11/site.py"
print(path.rpartition('/')[2], path.rpartition('/')[0], path.rpartition('.')[2])
