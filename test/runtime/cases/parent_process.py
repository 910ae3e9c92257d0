import multiprocessing as mp
def child():
    print("A", mp.parent_process())
    p = mp.Process(target=print, args=("gc",)); p.start(); p.join()
    print("B", mp.parent_process())
if __name__ == "__main__":
    p = mp.Process(target=child); p.start(); p.join()
