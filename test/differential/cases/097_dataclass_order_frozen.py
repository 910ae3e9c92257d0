from dataclasses import dataclass, field, FrozenInstanceError
@dataclass(order=True)
class Version:
    major: int
    minor: int = 0
    label: str = field(default="", compare=False)
vs = [Version(1, 2, "b"), Version(0, 9), Version(1, 0, "a"), Version(1, 2, "a")]
print(sorted(vs))
print(Version(1, 2) < Version(1, 3), Version(2, 0) >= Version(1, 9), max(vs), Version(1, 2, "x") == Version(1, 2, "y"))
try:
    Version(1) < (1, 0)
except TypeError as e:
    print("TypeError:", e)
@dataclass(frozen=True)
class Coord:
    lat: float
    lon: float
c = Coord(1.5, -2.25)
print(c, hash(c) == hash(Coord(1.5, -2.25)), {c: "here"}[Coord(1.5, -2.25)])
try:
    c.lat = 0
except FrozenInstanceError as e:
    print("FrozenInstanceError:", e)
try:
    del c.lon
except FrozenInstanceError as e:
    print("FrozenInstanceError:", e)
print(isinstance(FrozenInstanceError(), AttributeError))
@dataclass(eq=False)
class Ident:
    v: int
print(Ident(1) == Ident(1), Ident(1).v)
@dataclass(repr=False)
class NoRepr:
    v: int
    def __repr__(self):
        return f"<NoRepr {self.v}>"
print(NoRepr(3))
@dataclass(unsafe_hash=True)
class H:
    a: int
    b: str = "x"
print(hash(H(1)) == hash(H(1)), len({H(1), H(1), H(2)}))
@dataclass(kw_only=True)
class Opts:
    verbose: bool = False
    level: int = 1
print(Opts(level=3), Opts())
try:
    Opts(True)
except TypeError as e:
    print("TypeError:", e)
