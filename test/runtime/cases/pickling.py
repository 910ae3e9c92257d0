import multiprocessing as mp
if __name__ == "__main__":
    def f():
        print("never")
    p = mp.Process(target=f)
    p.start(); p.join()
    print("exit", p.exitcode)
    try:
        mp.Process(target=lambda: 0).start()
    except Exception as e:
        print(type(e).__name__, str(e)[:30])
    import threading
    try:
        mp.Process(target=print, args=(threading.Lock(),)).start()
    except TypeError as e:
        print(e)
