import sys, multiprocessing as mp
def f():
    print(sys.getswitchinterval())
if __name__ == "__main__":
    sys.setswitchinterval(0.001)
    p = mp.Process(target=f); p.start(); p.join()
