class Inventory:
    def __init__(self):
        self.stock = {"apple": 3, "pear": 0}

    def take(self, item, n=1):
        current = self.stock[item]
        self.stock[item] = current - n
        return self.stock[item]

    def take_all(self, items):
        return [self.take(i) for i in items]

inv = Inventory()
print(inv.take("apple"))
print(inv.take_all(["apple", "pear"]))
print(inv.take_all(["apple", "banana", "pear"]))
