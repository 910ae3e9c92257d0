for s in ["a", "ab", "abc", "abcd", ""]:
    print(repr(s.center(6)), repr(s.center(6, '*')), repr(s.ljust(5, '.')), repr(s.rjust(5, '-')))
print(repr("abc".center(2)), repr("abc".center(4)), repr("ab".center(5)), repr("ab".center(7, 'x')))
print("42".zfill(5), "-42".zfill(5), "+42".zfill(6), "abc".zfill(5), "12345".zfill(3), "".zfill(3))
print("-".zfill(3), "3.14".zfill(8), "-0.5".zfill(6))
print("|" + "x".ljust(3) + "|" + "y".rjust(3) + "|" + "z".center(3) + "|")
try:
    "a".center(5, "ab")
except TypeError as e:
    print("TypeError:", e)
table = [("apple", 3, 1.5), ("kiwi", 12, 0.25), ("watermelon", 1, 3.0)]
for name, qty, price in table:
    print(name.ljust(12) + str(qty).rjust(4) + ("%.2f" % price).rjust(8))
