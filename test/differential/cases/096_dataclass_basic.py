from dataclasses import dataclass, field, asdict, astuple, replace, fields
@dataclass
class Item:
    name: str
    price: float = 0.0
    tags: list = field(default_factory=list)
    qty: int = 1
    def total(self):
        return self.price * self.qty
a = Item("apple", 1.5)
b = Item("pear", 2.0, ["fruit"], qty=3)
print(a, b)
print(a.total(), b.total(), a == Item("apple", 1.5), a == b, a != b)
a.tags.append("red")
print(a.tags, Item("x").tags, Item("y").tags is Item("z").tags)
print(asdict(b), astuple(b), replace(a, qty=10))
print([f.name for f in fields(Item)], Item.__dataclass_fields__["price"].default)
try:
    Item()
except TypeError as e:
    print("TypeError:", e)
@dataclass
class Node:
    value: int
    children: list = field(default_factory=list)
    parent: "Node" = field(default=None, repr=False, compare=False)
root = Node(1)
child = Node(2, parent=root)
root.children.append(child)
print(root, child, Node(2) == child)
@dataclass
class Point:
    x: int
    y: int = 0
    def __post_init__(self):
        self.dist = abs(self.x) + abs(self.y)
p = Point(3, -4)
print(p, p.dist, vars(p))
try:
    @dataclass
    class Bad:
        items: list = []
except ValueError as e:
    print("ValueError:", e)
@dataclass
class Inherited(Point):
    z: int = 5
print(Inherited(1, 2), Inherited(1, 2, 3) == Inherited(1, 2, 3))
print(hash(Point) is not None, Point.__hash__)
