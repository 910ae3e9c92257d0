# expect: clean
# explore: 30
# Fixed 78: check and update under the account's Lock; exactly one withdrawal succeeds.
import threading


class Account:
    def __init__(self, balance):
        self.balance = balance
        self.lock = threading.Lock()

    def withdraw(self, amount):
        with self.lock:
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
print(acct.balance, sorted(ok))
