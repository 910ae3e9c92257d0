# expect: deadlock
# multiprocessing.Pipe: parent and child both wait to receive first: a cycle in the wait-for
# graph through the pipe (DESIGN.md §4 counts pipes), so a deadlock rather than a hang.
import multiprocessing as mp


def child(conn):
    msg = conn.recv()
    conn.send(msg + 1)


if __name__ == "__main__":
    parent_end, child_end = mp.Pipe()
    p = mp.Process(target=child, args=(child_end,))
    p.start()
    print(parent_end.recv())
    parent_end.send(1)
    p.join()
