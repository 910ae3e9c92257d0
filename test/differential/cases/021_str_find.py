s = "hello world, hello python"
print(s.find('hello'), s.find('hello', 1), s.find('xyz'), s.find('o', 5, 8), s.find(''))
print(s.rfind('hello'), s.rfind('o'), s.rfind('o', 0, 10), s.rfind('zz'), s.rfind(''))
print(s.index('world'), s.rindex('l'), s.count('l'), s.count('hello'), s.count(''))
print("aaaa".count('aa'), "abc".count('', 1), s.count('o', 10), s.count('o', 0, 5))
try:
    s.index('zz')
except ValueError as e:
    print("ValueError:", e)
try:
    s.rindex('zz')
except ValueError as e:
    print("ValueError:", e)
print(s.startswith('hello'), s.startswith('world', 6), s.startswith(('x', 'hel')))
print(s.endswith('python'), s.endswith(('java', 'on')), s.endswith('hello', 0, 18))
print(s.startswith(''), s.endswith('', 100), "".startswith(''), s.startswith('o', -1))
print(s.find('l', -5), s.find('l', -100, -20), s.index('h', 2))
print("ab" in s, "world" in s, "" in s, "Hello" in s, "x" not in s)
try:
    s.startswith(['hello'])
except TypeError as e:
    print("TypeError:", e)
