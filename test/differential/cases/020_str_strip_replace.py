s = "xxhello worldxx"
print(repr(s.strip('x')), repr(s.lstrip('x')), repr(s.rstrip('x')))
print(repr("  \t pad \n ".strip()), repr("  pad  ".lstrip()), repr("  pad  ".rstrip()))
print("www.example.com".strip('cmowz.'), "abcba".strip('ab'), "abc".strip(''))
print("aaa".replace('a', 'b'), "aaa".replace('a', 'b', 2), "aaa".replace('a', 'b', 0))
print("hello".replace('', '-'), "hello".replace('', '-', 3), "hello".replace('l', ''))
print("banana".replace('ana', 'X'), "a.b.c".replace('.', '::'), "abc".replace('x', 'y'))
print("aaa".replace('a', 'b', -1), "".replace('', 'x'))
print("prefix_body".removeprefix("prefix_"), "body.txt".removesuffix(".txt"), "abc".removeprefix("x"))
print(repr(" ".join(["a", "b"]).center(9, '*')))
print("-".join("abc"), "".join([]), ", ".join(map(str, [1, 2, 3])), "\n".join(["x", "y"]))
try:
    ",".join([1, 2])
except TypeError as e:
    print("TypeError:", e)
print("/".join(("usr", "local", "bin")), "+".join(str(i) for i in range(5)))
