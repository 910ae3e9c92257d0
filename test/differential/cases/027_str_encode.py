for s in ["abc", "é", "中文", "😀", "a\x00b", "\x7f", "naïve café"]:
    b = s.encode()
    print(repr(s), b, len(s), len(b), b.decode() == s)
print("é".encode('utf-8'), "é".encode('latin-1'), "abc".encode('ascii'))
print("中".encode('utf-16-le'), "A".encode('utf-32-be'))
try:
    "é".encode('ascii')
except UnicodeEncodeError as e:
    print("UnicodeEncodeError:", e)
print("é".encode('ascii', 'ignore'), "é€".encode('ascii', 'replace'), "é".encode('ascii', 'xmlcharrefreplace'))
print("é".encode('ascii', 'backslashreplace'))
try:
    b'\xff\xfe'.decode('utf-8')
except UnicodeDecodeError as e:
    print("UnicodeDecodeError:", e)
print(b'\xff'.decode('utf-8', 'replace'), b'a\xffb'.decode('utf-8', 'ignore'), b'\xe9'.decode('latin-1'))
print(b'caf\xc3\xa9'.decode(), bytes("hi", "utf-8"), str(b'hi', 'ascii'))
print(str(b'abc'))
