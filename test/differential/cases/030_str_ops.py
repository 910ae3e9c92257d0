print("ab" * 3, 3 * "ab", "ab" * 0, "ab" * -2, repr("" * 5))
print("abc" + "def", "a" < "b", "abc" < "abd", "abc" < "ab", "Z" < "a", "" < "a")
print("apple" > "Apple", "a" == "a", "a" != "A", sorted(["banana", "Apple", "cherry", "apple"]))
print(max("hello"), min("hello"), sorted("hello"), list("abc"), tuple("ab"))
print(ord('a'), ord('A'), ord('0'), ord('é'), ord('中'), ord('😀'), ord('\n'))
print(chr(97), chr(65), chr(233), chr(20013), chr(128512), repr(chr(0)), repr(chr(127)))
print(ascii('é'), ascii('中文'), ascii('😀'), ascii('plain'), ascii(['é', 1]))
try:
    ord('ab')
except TypeError as e:
    print("TypeError:", e)
try:
    chr(-1)
except ValueError as e:
    print("ValueError:", e)
try:
    "a" + 1
except TypeError as e:
    print("TypeError:", e)
try:
    "a" * 1.5
except TypeError as e:
    print("TypeError:", e)
try:
    "a" < 1
except TypeError as e:
    print("TypeError:", e)
print("x" in "xyz", "xz" in "xyz", len(""), len("😀"), str(123) + str(4.5))
s = ""
for ch in "hello":
    s = ch + s
print(s, "".join(reversed("hello")), "hello"[::-1].upper())
print("%s" % "x" * 3, "a" "b" "c")
