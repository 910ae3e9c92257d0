# expect: clean
# Fixed 54: the increment is done while holding v.get_lock().
import multiprocessing as mp


def work(v):
    for _ in range(200):
        with v.get_lock():
            v.value += 1


if __name__ == "__main__":
    v = mp.Value("i", 0)
    procs = [mp.Process(target=work, args=(v,)) for _ in range(3)]
    for p in procs:
        p.start()
    for p in procs:
        p.join()
    print(v.value)
