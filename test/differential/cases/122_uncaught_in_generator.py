def read_numbers(lines):
    for line in lines:
        yield int(line.strip())

def running_total(numbers):
    total = 0
    for n in numbers:
        total += n
        yield total

data = ["1", " 2 ", "3", "four", "5"]
for t in running_total(read_numbers(data)):
    print("running total", t)
print("unreachable")
