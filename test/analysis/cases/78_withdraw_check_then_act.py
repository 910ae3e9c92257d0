# expect: race
# Check-then-act on an attribute: `if self.balance >= amount: self.balance -= amount`
# lets two withdrawals both pass the check.
import threading


class Account:
    def __init__(self, balance):
        self.balance = balance

    def withdraw(self, amount):
        if self.balance >= amount:
            self.balance -= amount
            return True
        return False


acct = Account(100)
ok = []


def customer():
    ok.append(acct.withdraw(80))


threads = [threading.Thread(target=customer) for _ in range(2)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(acct.balance >= 0)
