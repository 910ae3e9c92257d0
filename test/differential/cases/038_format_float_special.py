inf, nan = float("inf"), float("nan")
for v in [inf, -inf, nan, -0.0, 1e300, 1.7976931348623157e308, 5e-324]:
    print(format(v, ""), format(v, "f")[:40], format(v, "e"), format(v, "g"), format(v, "%")[:30],
          format(v, "F")[:30], format(v, "E"), format(v, "G"), format(v, ">10"), format(v, "010"), format(v, "+"))
print(format(1e22, "f"), format(1e22, ",.0f"), format(2 ** 0.5, ".50f"))
print(format(0.1, ".30f"), format(1 / 3, ".20g"), format(123.456, ".2g"), format(0.0001, "g"))
print(format(1e-5, "g"), format(123456, "g"), format(1234567, "g"), format(1234567.0, ".7g"))
print(format(0.5, ".0f"), format(1.5, ".0f"), format(2.5, ".0f"), format(0.125, ".2f"), format(0.375, ".2f"))
print(format(9.995, ".2f"), format(1.005, ".2f"), format(2.675, ".2f"), format(-0.0001, ".2f"))
print(format(100.0, ".0%"), format(0.5, "%"), format(1.0, "#.3g"), format(1e5, "#g"))
print(format(12.0, "g"), format(12.0, ".1g"), format(15.0, ".1g"), format(1e100, ".3"), format(1.5, ".0e"))
print("{:=^15.3f}".format(-3.14159), "{:x<10.1e}".format(1234.5), "{:>+12,.2f}".format(1234567.891))
