import multiprocessing as mp
def f(l):
    with l:
        print(l)
if __name__ == "__main__":
    l = mp.Lock()
    with l:
        print(l)
    p = mp.Process(target=f, args=(l,)); p.start(); p.join()
    r = mp.RLock()
    with r:
        print(r)
