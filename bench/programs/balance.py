# The tutorials' balance loop, run sequentially: 2 x 100 000 calls of change_it.
balance = 0

def change_it(n):
    global balance
    balance = balance + n
    balance = balance - n

def run_thread(n):
    for i in range(100000):
        change_it(n)

run_thread(5)
run_thread(8)
print(balance)
