s = "a\tb\tc\n12345\t6\tend"
print(repr(s.expandtabs()))
print(repr(s.expandtabs(4)))
print(repr(s.expandtabs(0)), repr("x\ty".expandtabs(1)))
print(repr("abc\t\tdef".expandtabs(3)))
t = str.maketrans("abc", "xyz")
print("aabbcc-abc".translate(t))
t2 = str.maketrans({"a": "1", "b": None, "c": "333"})
print("abcabc".translate(t2))
t3 = str.maketrans("ab", "AB", "xyz")
print("axbyczab".translate(t3))
print(sorted(t3.items()))
print("hello".translate({ord('l'): 'L', ord('o'): None}))
rot13 = str.maketrans("abcdefghijklmnopqrstuvwxyz", "nopqrstuvwxyzabcdefghijklm")
print("hello world".translate(rot13), "hello world".translate(rot13).translate(rot13))
try:
    str.maketrans("abc", "xy")
except ValueError as e:
    print("ValueError:", e)
