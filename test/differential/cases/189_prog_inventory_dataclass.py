from dataclasses import dataclass, field
from collections import defaultdict
@dataclass(order=True)
class Product:
    sort_key: tuple = field(init=False, repr=False)
    name: str
    category: str
    price: float
    qty: int = 0
    def __post_init__(self):
        self.sort_key = (self.category, -self.price)
    @property
    def value(self):
        return round(self.price * self.qty, 2)
@dataclass
class Inventory:
    products: list = field(default_factory=list)
    def add(self, *items):
        self.products.extend(items)
        return self
    def by_category(self):
        out = defaultdict(list)
        for p in self.products:
            out[p.category].append(p.name)
        return dict(out)
    def total_value(self):
        return round(sum(p.value for p in self.products), 2)
    def restock(self, threshold, amount):
        changed = []
        for p in self.products:
            if p.qty < threshold:
                p.qty += amount
                changed.append(p.name)
        return changed
inv = Inventory().add(
    Product("widget", "tools", 2.50, 10),
    Product("gadget", "tools", 12.99, 3),
    Product("apple", "food", 0.40, 150),
    Product("bread", "food", 2.25, 0),
    Product("lamp", "home", 19.95, 2),
)
for p in sorted(inv.products):
    print(p, p.value)
print(inv.by_category())
print(inv.total_value())
print(inv.restock(5, 20), inv.total_value())
print(max(inv.products, key=lambda p: p.value).name, min(inv.products, key=lambda p: p.price).name)
print(Product("x", "c", 1.0) == Product("x", "c", 1.0), Product("a", "z", 1.0) > Product("b", "a", 5.0))
print(len(Inventory().products), Inventory() == Inventory())
