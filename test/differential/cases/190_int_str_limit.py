import sys
big = 10 ** 4299
print(len(str(big)))
try:
    s = str(10 ** 4300)
    print("converted", len(s))
except ValueError as e:
    print("ValueError:", e)
try:
    int("1" * 5000)
except ValueError as e:
    print("ValueError:", e)
print(sys.get_int_max_str_digits())
print(hex(10 ** 5000)[:12], len(hex(10 ** 5000)))
n = 2 ** 20000
print(n.bit_length(), n % 1000007, (n >> 19990))
sys.set_int_max_str_digits(10000)
print(len(str(10 ** 5000)), str(7 ** 6000)[:20])
sys.set_int_max_str_digits(0)
print(len(str(3 ** 20000)))
print(int("9" * 6000) % 97)
