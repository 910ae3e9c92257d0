# expect: race
# A multiprocessing.Value incremented by three processes with `v.value += 1`: the Value's
# lock is taken for the read and for the write separately, so updates are lost.
import multiprocessing as mp


def work(v):
    for _ in range(200):
        v.value += 1


if __name__ == "__main__":
    v = mp.Value("i", 0)
    procs = [mp.Process(target=work, args=(v,)) for _ in range(3)]
    for p in procs:
        p.start()
    for p in procs:
        p.join()
    print(v.value)
