import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { findEntryPoints } from "../../extension/entryPoints";

const lines = (src: string): number[] => findEntryPoints(src).map((e) => e.line);

describe("CodeLens entry points", () => {
  it("finds thread creation, not the definitions it calls", () => {
    const src = readFileSync("test/corpus/seeds/s000_07_thread_balance_nolock.py", "utf8");
    const eps = findEntryPoints(src);
    expect(eps.map((e) => e.name)).toEqual(["threading.Thread", "threading.Thread"]);
    expect(eps.map((e) => src.split("\n")[e.line - 1])).toEqual([
      "t1 = threading.Thread(target=run_thread, args=(5,))",
      "t2 = threading.Thread(target=run_thread, args=(8,))",
    ]);
  });

  it("puts one lens on an `if __name__ == \"__main__\":` block and none inside it", () => {
    const src = ["import multiprocessing as mp", "def f(): pass", "if __name__ == '__main__':", "    p = mp.Process(target=f)", "    p.start()", ""].join("\n");
    expect(findEntryPoints(src)).toEqual([{ kind: "main-guard", line: 3, name: '__name__ == "__main__"' }]);
  });

  it("finds pools, executors, asyncio.run, os.fork and Thread subclasses, at any depth", () => {
    const src = [
      "import asyncio, os",
      "from concurrent.futures import ThreadPoolExecutor",
      "from multiprocessing import Pool",
      "import threading",
      "class Worker(threading.Thread):",
      "    pass",
      "def main():",
      "    with ThreadPoolExecutor(4) as ex:",
      "        pass",
      "    with Pool(2) as p:",
      "        pass",
      "pid = os.fork()",
      "asyncio.run(main())",
      "",
    ].join("\n");
    expect(findEntryPoints(src).map((e) => [e.line, e.kind])).toEqual([
      [5, "thread"],
      [8, "pool"],
      [10, "pool"],
      [12, "fork"],
      [13, "asyncio"],
    ]);
  });

  it("ignores strings, comments, other modules' Thread and unparsable sources", () => {
    expect(lines('# threading.Thread(target=f)\ns = "threading.Thread()"\n')).toEqual([]);
    expect(lines("import mylib\nmylib.Thread()\nrun()\nfork()\n")).toEqual([]);
    expect(lines("def f(:\n    threading.Thread()\n")).toEqual([]);
  });
});
