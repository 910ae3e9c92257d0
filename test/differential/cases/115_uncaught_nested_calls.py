def parse(text):
    parts = text.split(",")
    return [int(p) for p in parts]

def average(values):
    total = sum(values)
    return total / len(values)

def report(text):
    values = parse(text)
    print("parsed", values)
    avg = average(values)
    print("average", avg)
    return avg

report("1,2,3")
report("10,20")
empty = []
print("about to fail")
result = average(empty)
print("never printed", result)
