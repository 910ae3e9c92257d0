class Tag:
    depth = 0
    def __init__(self, name):
        self.name = name
    def __enter__(self):
        print("  " * Tag.depth + f"<{self.name}>")
        Tag.depth += 1
        return self
    def __exit__(self, et, ev, tb):
        Tag.depth -= 1
        print("  " * Tag.depth + f"</{self.name}>")
with Tag("html"):
    with Tag("body"):
        with Tag("p") as p:
            print("  " * Tag.depth + f"text in {p.name}")
with Tag("a") as a, Tag("b") as b, Tag("c"):
    print("  " * Tag.depth + f"inside {a.name}{b.name}")
with (Tag("x") as x,
      Tag("y")):
    print("  " * Tag.depth + "parenthesized")
class Value:
    def __enter__(self):
        return 42
    def __exit__(self, *args):
        return None
with Value() as v:
    pass
print("v still bound after with:", v)
with Value() as (lst):
    print(lst)
holder = {}
with Value() as holder["key"]:
    pass
print(holder)
class Order:
    def __init__(self, n, log):
        self.n, self.log = n, log
    def __enter__(self):
        self.log.append(f"enter{self.n}")
    def __exit__(self, *a):
        self.log.append(f"exit{self.n}")
log = []
with Order(1, log), Order(2, log), Order(3, log):
    log.append("body")
print(log)
