def countdown(n):
    if n == 0:
        return {}["boom"]
    return countdown(n - 1)

def start():
    print("starting countdown")
    return countdown(10)

start()
