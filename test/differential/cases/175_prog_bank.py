class InsufficientFunds(Exception):
    pass
class Account:
    _next_id = 1
    def __init__(self, owner, balance=0):
        self.id = Account._next_id
        Account._next_id += 1
        self.owner = owner
        self._balance = balance
        self.history = []
    @property
    def balance(self):
        return self._balance
    def deposit(self, amount):
        if amount <= 0:
            raise ValueError("deposit must be positive")
        self._balance += amount
        self.history.append(("deposit", amount))
        return self
    def withdraw(self, amount):
        if amount > self._balance:
            raise InsufficientFunds(f"{self.owner}: balance {self._balance} < {amount}")
        self._balance -= amount
        self.history.append(("withdraw", amount))
        return self
    def transfer(self, other, amount):
        self.withdraw(amount)
        other.deposit(amount)
    def __repr__(self):
        return f"Account#{self.id}({self.owner!r}, {self._balance})"
class Savings(Account):
    rate = 0.02
    def add_interest(self):
        interest = round(self._balance * self.rate, 2)
        self.deposit(interest)
        return interest
a = Account("alice", 100)
b = Savings("bob", 1000)
a.deposit(50).withdraw(30)
print(a, b, a.balance)
a.transfer(b, 100)
print(a, b)
print("interest", b.add_interest(), b)
for action in [lambda: a.withdraw(1000), lambda: a.deposit(-5), lambda: setattr(a, "balance", 5)]:
    try:
        action()
    except (InsufficientFunds, ValueError, AttributeError) as e:
        print(type(e).__name__ + ":", e)
print(a.history)
print(b.history)
accounts = [a, b, Account("carol", 500)]
print(sorted(accounts, key=lambda acc: acc.balance, reverse=True))
print(sum(acc.balance for acc in accounts), max(accounts, key=lambda x: x.balance).owner)
