class A:
    def who(self):
        return "A"
    def chain(self):
        return ["A"]
class B(A):
    def who(self):
        return "B"
    def chain(self):
        return ["B"] + super().chain()
class C(A):
    def who(self):
        return "C"
    def chain(self):
        return ["C"] + super().chain()
class D(B, C):
    def chain(self):
        return ["D"] + super().chain()
print([k.__name__ for k in D.__mro__])
print(D().who(), D().chain())
print(D.__mro__)
class E(C, B):
    pass
print([k.__name__ for k in E.mro()], E().who(), E().chain())
class X: pass
class Y: pass
class Z(X, Y): pass
class W(Y, X): pass
try:
    class Bad(Z, W):
        pass
except TypeError as e:
    print("TypeError:", e)
class M1:
    def __init__(self):
        print("M1 init")
        super().__init__()
class M2:
    def __init__(self):
        print("M2 init")
        super().__init__()
class Both(M1, M2):
    def __init__(self):
        print("Both init")
        super().__init__()
Both()
print([k.__name__ for k in Both.__mro__])
class K1: pass
class K2(K1): pass
class K3(K1): pass
class K4(K2, K3): pass
class K5(K3): pass
class K6(K4, K5): pass
print([k.__name__ for k in K6.__mro__])
try:
    class Dup(A, A):
        pass
except TypeError as e:
    print("TypeError:", e)
