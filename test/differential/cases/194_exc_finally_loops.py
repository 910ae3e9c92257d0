def f7():
    for i in range(3):
        try:
            raise ValueError(i)
        finally:
            if i < 2:
                continue
            print("last iteration re-raises")
def f8():
    for i in range(3):
        try:
            return i
        finally:
            break
    return "after loop"
try:
    f7()
except ValueError as e:
    print("ValueError", e.args)
print(f8())
def counter():
    count = 0
    for attempt in range(5):
        try:
            count += 1
            if attempt < 3:
                raise ConnectionError(f"attempt {attempt}")
            return f"succeeded after {count}"
        except ConnectionError as e:
            print("retry:", e)
print(counter())
def nested_finally():
    log = []
    for i in range(3):
        try:
            try:
                if i == 1:
                    continue
                log.append(f"body{i}")
            finally:
                log.append(f"inner{i}")
        finally:
            log.append(f"outer{i}")
    return log
print(nested_finally())
def while_finally():
    n = 0
    while True:
        try:
            n += 1
            if n == 3:
                break
        finally:
            print("finally with n =", n)
    return n
print(while_finally())
