/**
 * The library modules of runtime/modules (collections, json, string, copy, sys, os, time,
 * typing, abc, contextlib, dataclasses, enum, types, io): their natives called directly,
 * checked against what python3 3.11 computes for the same inputs, and Python programs run
 * end to end whose output was recorded from CPython 3.11.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import { runSource } from "../../simulator/run";
import "../../simulator/runtime/modules/index";
import { makeBuiltins } from "../../simulator/vm/builtins";
import { instantiateModule } from "../../simulator/vm/modules";
import { PyBaseException, PyBuiltin, PyFloat, PyList, PyTuple, type PyValue } from "../../simulator/vm/objects";
import { callMethod, callPy, getAttr, repr, str } from "../../simulator/vm/protocol";
import { defaultLimits, setVm, Vm } from "../../simulator/vm/vm";

// ---------------------------------------------------------------- python3 as the reference

function hasPython(): boolean {
  try {
    return execFileSync("python3", ["-c", "import sys; print(sys.version_info[:2] == (3, 11))"]).toString().trim() === "True";
  } catch {
    return false;
  }
}

const PYTHON = hasPython();

/** Runs a program with python3 from a file in a scratch directory, as the simulated user (HOME=/home/user). */
function python(name: string, source: string): { stdout: string; stderr: string; exitCode: number } {
  const cwd = mkdtempSync(join(tmpdir(), "stdlib-more-"));
  writeFileSync(join(cwd, `${name}.py`), source);
  const r = spawnSync("python3", [`${name}.py`], {
    cwd,
    encoding: "utf8",
    env: { ...process.env, HOME: "/home/user", USER: "user", PYTHONIOENCODING: "utf-8" },
  });
  return { stdout: r.stdout, stderr: r.stderr, exitCode: r.status ?? -1 };
}

/** Values python3 computes for a list of inputs: `body` maps `x` (one JSON input) to a JSON-serializable result. */
function pythonMap<T, R>(inputs: T[], body: string): R[] {
  const program = `import json, sys, string, time, posixpath\nfrom collections import Counter\ndef f(x):\n${body
    .split("\n")
    .map((l) => "    " + l)
    .join("\n")}\nprint(json.dumps([f(x) for x in json.loads(sys.stdin.read())]))`;
  const out = execFileSync("python3", ["-c", program], { input: JSON.stringify(inputs), encoding: "utf8" });
  return JSON.parse(out) as R[];
}

// ---------------------------------------------------------------- calling natives

beforeEach(() => {
  const machine = new Vm(defaultLimits, "", 0);
  setVm(machine);
  machine.builtins = makeBuiltins();
});

/** A module function, callable with positional args and keyword args. */
function native(module: string, name: string): (args: PyValue[], kwargs?: Record<string, PyValue>) => PyValue {
  const m = instantiateModule(module, () => undefined)!;
  const f = m.dict!.getStr(name);
  if (!(f instanceof PyBuiltin)) {
    throw new Error(`${module}.${name} is not a native`);
  }
  return (args, kwargs) => f.fn(args, kwargs ? new Map(Object.entries(kwargs)) : null);
}

/** The message of the Python exception `f` raises, as `Type: message`. */
function raises(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    if (e instanceof PyBaseException) {
      return `${e.cls.name}: ${str(e)}`;
    }
    throw e;
  }
  return "no exception";
}

/** json option values as Python values. */
function pyOption(v: unknown): PyValue {
  if (Array.isArray(v)) {
    return new PyTuple(v.map(pyOption));
  }
  if (typeof v === "string" || typeof v === "boolean" || typeof v === "number") {
    return v;
  }
  throw new Error(`unexpected option ${String(v)}`);
}

describe("json natives match python3", () => {
  const docs = [
    '{"b": [1, 2.5, {"c": null}], "a": "x\\u00e9", "d": {}, "e": [], "f": true}',
    '[1e20, 1.5e-7, 0.1, -0.0, 100000000000000000000000, 12345678901234567, "\\ud83d\\ude00\\u007f\\n\\t\\"\\\\"]',
    '"plain"',
    '{"nested": {"deep": [[[]], [{}]]}, "k": 1e16, "j": 123.456, "n": -7, "z": false}',
  ];
  const options: Record<string, unknown>[] = [
    {},
    { indent: 2 },
    { indent: "\t" },
    { indent: 0 },
    { separators: [",", ":"] },
    { sort_keys: true },
    { ensure_ascii: false },
    { indent: 2, sort_keys: true, separators: [", ", " = "] },
  ];
  const dumpCases = docs.flatMap((doc) => options.map((opts) => ({ doc, opts })));

  it.skipIf(!PYTHON)("dumps(loads(doc), **options) for every document and option set", () => {
    const want = pythonMap<{ doc: string; opts: Record<string, unknown> }, string>(
      dumpCases,
      `o = dict(x["opts"])\nif "separators" in o: o["separators"] = tuple(o["separators"])\nreturn json.dumps(json.loads(x["doc"]), **o)`,
    );
    const loads = native("json", "loads");
    const dumps = native("json", "dumps");
    const got = dumpCases.map(({ doc, opts }) =>
      dumps([loads([doc])], Object.fromEntries(Object.entries(opts).map(([k, v]) => [k, pyOption(v)]))),
    );
    expect(got).toEqual(want);
  });

  it.skipIf(!PYTHON)("loads' error messages, positions and values", () => {
    const bad = [
      "", " ", "[", "[1,", "[1,]", "{", '{"a"', '{"a":', '{"a":1,', "{a:1}", '"abc', '"a\\x"', '"\\u12"', '"a\nb"',
      "1 2", "01", "-", "1.", ".5", "nul", "tru", "[1 2]", '{"a" 1}', '{"a":1 "b":2}', "[1}", "\ufeff1",
      "  \n\n  [1 2]", "[1, 2]\n  x", '"\\ud83d\\ude00" x', '"é" x', "1e400", "-0", "123456789012345678901234567890",
      '"\\ud800"', '{"a":1,"a":2}', "[1.5e3, -1E-2, 12.5E+2]", " [ ] ", '{"\\u00e9": "\\/"}', "[NaN, -Infinity]",
    ];
    const want = pythonMap<string, string>(
      bad,
      `try:\n    return repr(json.loads(x))\nexcept json.JSONDecodeError as e:\n    return f"JSONDecodeError: {e} {e.pos} {e.lineno} {e.colno}"`,
    );
    const loads = native("json", "loads");
    const got = bad.map((doc) => {
      try {
        return repr(loads([doc]));
      } catch (e) {
        if (e instanceof PyBaseException) {
          const a = (n: string): string => str(getAttr(e, n));
          return `${e.cls.name}: ${str(e)} ${a("pos")} ${a("lineno")} ${a("colno")}`;
        }
        throw e;
      }
    });
    expect(got).toEqual(want);
  });

  it("refuses what JSON cannot represent, with CPython's messages", () => {
    const dumps = native("json", "dumps");
    const loads = native("json", "loads");
    const cyclic = new PyList([1]);
    cyclic.items.push(cyclic);
    expect(raises(() => dumps([new PyFloat(NaN)], { allow_nan: false }))).toBe(
      "ValueError: Out of range float values are not JSON compliant",
    );
    expect(raises(() => dumps([cyclic]))).toBe("ValueError: Circular reference detected");
    expect(raises(() => dumps([loads(['{"a": 1}'])], { foo: 1 }))).toBe(
      "TypeError: JSONEncoder.__init__() got an unexpected keyword argument 'foo'",
    );
    expect(raises(() => loads([5]))).toBe("TypeError: the JSON object must be str, bytes or bytearray, not int");
    expect(dumps([new PyFloat(Infinity)])).toBe("Infinity");
  });
});

describe("collections natives", () => {
  it.skipIf(!PYTHON)("Counter's repr and most_common order (count descending, ties by first occurrence)", () => {
    const texts = ["abracadabra", "mississippi", "the quick brown fox jumps over the lazy dog", "", "aabbccdd", "zyxzyx"];
    const want = pythonMap<string, string[]>(texts, "c = Counter(x)\nreturn [repr(c), repr(c.most_common()), repr(c.most_common(2))]");
    const Counter = instantiateModule("collections", () => undefined)!.dict!.getStr("Counter")!;
    const got = texts.map((t) => {
      const c = callPy(Counter, [t]);
      return [repr(c), repr(callMethod(c, "most_common", [])), repr(callMethod(c, "most_common", [2]))];
    });
    expect(got).toEqual(want);
  });

  it("deque keeps maxlen on both ends and reports CPython's errors", () => {
    const deque = instantiateModule("collections", () => undefined)!.dict!.getStr("deque")!;
    const d = callPy(deque, [new PyList([1, 2, 3])], new Map([["maxlen", 3]]));
    callMethod(d, "append", [4]);
    expect(repr(d)).toBe("deque([2, 3, 4], maxlen=3)");
    callMethod(d, "appendleft", [0]);
    expect(repr(d)).toBe("deque([0, 2, 3], maxlen=3)");
    callMethod(d, "rotate", [1]);
    expect(repr(d)).toBe("deque([3, 0, 2], maxlen=3)");
    expect(raises(() => callMethod(callPy(deque, []), "popleft", []))).toBe("IndexError: pop from an empty deque");
    expect(raises(() => callMethod(d, "insert", [0, 9]))).toBe("IndexError: deque already at its maximum size");
    expect(raises(() => callPy(deque, [], new Map([["maxlen", -1]])))).toBe("ValueError: maxlen must be non-negative");
  });
});

describe("string, time and os.path natives match python3", () => {
  it.skipIf(!PYTHON)("string constants", () => {
    const names = ["ascii_letters", "ascii_lowercase", "ascii_uppercase", "digits", "hexdigits", "octdigits", "punctuation", "printable", "whitespace"];
    const want = pythonMap<string, string>(names, "return getattr(string, x)");
    const m = instantiateModule("string", () => undefined)!;
    expect(names.map((n) => m.dict!.getStr(n))).toEqual(want);
  });

  it.skipIf(!PYTHON)("strftime over gmtime for many dates and directives", () => {
    const stamps = [0, 1767225600, 1767225600 + 86400 * 40 + 3600 * 15 + 61, 951782400 + 86399, 1230681600, 1104537600, -86400 * 400];
    const formats = ["%Y-%m-%d %H:%M:%S", "%a %A %b %B %c", "%j %U %W %w %u %V %G %g", "%x %X %D %T %F %R %r", "%e|%k|%l|%p|%y|%C|%%|%Z|%z", "%-d/%-m %_H"];
    const cases = stamps.flatMap((t) => formats.map((fmt) => ({ t, fmt })));
    const want = pythonMap<{ t: number; fmt: string }, string>(cases, 'return time.strftime(x["fmt"], time.gmtime(x["t"]))');
    const strftime = native("time", "strftime");
    const gmtime = native("time", "gmtime");
    expect(cases.map(({ t, fmt }) => strftime([fmt, gmtime([t])]))).toEqual(want);
  });

  it.skipIf(!PYTHON)("posixpath's split, splitext, normpath, basename, dirname and join", () => {
    const paths = ["/usr/lib/python3.11/os.py", "file.tar.gz", ".bashrc", "a/b/", "/", "", "dir.d/file", "..", "//x//y//", "a//b/./c/..", "/../x", "///a", "a/../..", "...", "x.", "/a.b/c"];
    const want = pythonMap<string, string>(
      paths,
      "return repr([posixpath.split(x), posixpath.splitext(x), posixpath.normpath(x), posixpath.basename(x), posixpath.dirname(x), posixpath.join(x, 'q'), posixpath.join('q', x)])",
    );
    const fns = ["split", "splitext", "normpath", "basename", "dirname"].map((n) => native("os.path", n));
    const join = native("os.path", "join");
    expect(paths.map((p) => repr(new PyList([...fns.map((f) => f([p])), join([p, "q"]), join(["q", p])])))).toEqual(want);
  });
});

// ---------------------------------------------------------------- whole programs

interface Program {
  name: string;
  source: string;
  stdout: string;
  stderr?: string;
  exitCode?: number;
}

/** Programs and what CPython 3.11 printed for them (in a scratch directory, HOME=/home/user). */
const PROGRAMS: Program[] = [
  {
    name: "collections_deque",
    source: `from collections import deque
d = deque([1, 2, 3], maxlen=5)
d.append(4); d.appendleft(0); d.append(5)
print(d, len(d), d.maxlen)
d.rotate(2); print(d)
d.rotate(-3); print(d)
print(d.pop(), d.popleft(), d)
d.extend([7, 8]); d.extendleft([9, 10]); print(d)
print(d[0], d[-1], 8 in d, d.count(8), d.index(4))
d[1] = 'x'; del d[0]; print(d)
d.insert(1, 'y'); print(d)
d.remove('y'); d.reverse(); print(d, list(reversed(d)))
e = d.copy(); e.clear(); print(e, bool(e), bool(d))
print(deque('abc') + deque('de'), deque([1, 2], 3) * 2)
print(deque([1, 2]) == deque([1, 2]), deque([1, 2]) < deque([1, 3]), deque([1]) == [1])
for name, f in [("pop", lambda: deque().pop()), ("popleft", lambda: deque().popleft()),
                ("index", lambda: deque([1]).index(2)), ("maxlen", lambda: deque(maxlen=-1)),
                ("full", lambda: deque([1], 1).insert(0, 2)), ("range", lambda: deque([1])[3]),
                ("slice", lambda: deque([1])[0:1]), ("add", lambda: deque() + [1])]:
    try:
        f()
    except Exception as ex:
        print(name, type(ex).__name__, ex)
q = deque(range(3))
try:
    for x in q:
        q.append(x)
except RuntimeError as ex:
    print(ex)
dd = deque(); dd.append(dd); print(dd)
print(deque(maxlen=0), deque(range(10), 3))
`,
    stdout: `deque([1, 2, 3, 4, 5], maxlen=5) 5 5
deque([4, 5, 1, 2, 3], maxlen=5)
deque([2, 3, 4, 5, 1], maxlen=5)
1 2 deque([3, 4, 5], maxlen=5)
deque([10, 9, 3, 4, 5], maxlen=5)
10 5 False 0 3
deque(['x', 3, 4, 5], maxlen=5)
deque(['x', 'y', 3, 4, 5], maxlen=5)
deque([5, 4, 3, 'x'], maxlen=5) ['x', 3, 4, 5]
deque([], maxlen=5) False True
deque(['a', 'b', 'c', 'd', 'e']) deque([2, 1, 2], maxlen=3)
True True False
pop IndexError pop from an empty deque
popleft IndexError pop from an empty deque
index ValueError 2 is not in deque
maxlen ValueError maxlen must be non-negative
full IndexError deque already at its maximum size
range IndexError deque index out of range
slice TypeError sequence index must be integer, not 'slice'
add TypeError can only concatenate deque (not "list") to deque
deque mutated during iteration
deque([[...]])
deque([], maxlen=0) deque([7, 8, 9], maxlen=3)
`,
  },
  {
    name: "collections_counter",
    source: `from collections import Counter
c = Counter('abracadabra')
print(c)
print(c.most_common(), c.most_common(2), c.most_common(0), c['z'], c['a'])
print(sorted(c.elements()), c.total())
c.update('aaz'); c.update({'b': 5}); c.subtract(a=2)
print(c)
d = Counter(a=3, b=1, c=-2)
e = Counter(a=1, b=2, d=4)
print(d + e, d - e, d | e, d & e, +d, -d)
d += e; print(d)
print(Counter(x=1) == Counter(x=1, y=0), Counter(a=1) <= Counter(a=2), Counter())
print(Counter({'k': 2, 'j': 2, 'i': 3}).most_common())
print(list(Counter('hello world').items()))
words = "the cat and the hat and the bat".split()
print(Counter(words).most_common(3))
del c['zz']; print('zz' in c)
try:
    Counter.fromkeys('ab')
except NotImplementedError as ex:
    print(ex)
print(isinstance(c, dict), type(c).__name__, repr(Counter(a=1.5)))
`,
    stdout: `Counter({'a': 5, 'b': 2, 'r': 2, 'c': 1, 'd': 1})
[('a', 5), ('b', 2), ('r', 2), ('c', 1), ('d', 1)] [('a', 5), ('b', 2)] [] 0 5
['a', 'a', 'a', 'a', 'a', 'b', 'b', 'c', 'd', 'r', 'r'] 11
Counter({'b': 7, 'a': 5, 'r': 2, 'c': 1, 'd': 1, 'z': 1})
Counter({'a': 4, 'd': 4, 'b': 3}) Counter({'a': 2}) Counter({'d': 4, 'a': 3, 'b': 2}) Counter({'a': 1, 'b': 1}) Counter({'a': 3, 'b': 1}) Counter({'c': 2})
Counter({'a': 4, 'd': 4, 'b': 3})
True True Counter()
[('i', 3), ('k', 2), ('j', 2)]
[('h', 1), ('e', 1), ('l', 3), ('o', 2), (' ', 1), ('w', 1), ('r', 1), ('d', 1)]
[('the', 3), ('and', 2), ('cat', 1)]
False
Counter.fromkeys() is undefined.  Use Counter(iterable) instead.
True Counter Counter({'a': 1.5})
`,
  },
  {
    name: "collections_defaultdict",
    source: `from collections import defaultdict
d = defaultdict(list)
for k, v in [('a', 1), ('b', 2), ('a', 3)]:
    d[k].append(v)
print(d, d['zz'], len(d), dict(d))
n = defaultdict(int)
for ch in "mississippi":
    n[ch] += 1
print(n, n.default_factory)
print(defaultdict(None, {'x': 1}), defaultdict())
try:
    defaultdict()['q']
except KeyError as ex:
    print('KeyError', ex)
try:
    defaultdict(5)
except TypeError as ex:
    print(ex)
print(n.get('zz'), 'zz' in n, n.copy(), isinstance(n, dict))
nested = defaultdict(lambda: defaultdict(int))
nested['a']['b'] += 2
print(dict(nested['a']), list(nested))
`,
    stdout: `defaultdict(<class 'list'>, {'a': [1, 3], 'b': [2], 'zz': []}) [] 3 {'a': [1, 3], 'b': [2], 'zz': []}
defaultdict(<class 'int'>, {'m': 1, 'i': 4, 's': 4, 'p': 2}) <class 'int'>
defaultdict(None, {'x': 1}) defaultdict(None, {})
KeyError 'q'
first argument must be callable or None
None False defaultdict(<class 'int'>, {'m': 1, 'i': 4, 's': 4, 'p': 2}) True
{'b': 2} ['a']
`,
  },
  {
    name: "collections_ordereddict",
    source: `from collections import OrderedDict
o = OrderedDict(a=1, b=2, c=3)
o.move_to_end('a'); print(o)
o.move_to_end('c', last=False); print(o, list(o.keys()))
print(o.popitem(), o.popitem(last=False), o)
print(OrderedDict(a=1, b=2) == OrderedDict(b=2, a=1), OrderedDict(a=1, b=2) == dict(b=2, a=1))
print(OrderedDict(), OrderedDict([('x', [1, 2])]))
try:
    OrderedDict().popitem()
except KeyError as ex:
    print('KeyError', ex)
lru = OrderedDict()
for k in [1, 2, 3, 1, 4]:
    if k in lru:
        lru.move_to_end(k)
    lru[k] = str(k)
    if len(lru) > 3:
        lru.popitem(last=False)
print(lru)
`,
    stdout: `OrderedDict([('b', 2), ('c', 3), ('a', 1)])
OrderedDict([('c', 3), ('b', 2), ('a', 1)]) ['c', 'b', 'a']
('a', 1) ('c', 3) OrderedDict([('b', 2)])
False True
OrderedDict() OrderedDict([('x', [1, 2])])
KeyError 'dictionary is empty'
OrderedDict([(3, '3'), (1, '1'), (4, '4')])
`,
  },
  {
    name: "collections_namedtuple",
    source: `from collections import namedtuple
Point = namedtuple('Point', ['x', 'y'])
p = Point(1, y=2)
print(p, p.x, p[1], p._asdict(), p._replace(x=5), Point._make([3, 4]), Point._fields)
x, y = p
print(x + y, p == (1, 2), isinstance(p, tuple), len(p), hash(p) == hash((1, 2)))
P3 = namedtuple('P3', 'a, b c', defaults=[0, 9])
print(P3(1), P3._field_defaults, P3.__doc__)
print(namedtuple('R', 'x def _y x', rename=True)._fields)
for f in [lambda: Point(1), lambda: Point(1, 2, 3), lambda: Point(1, z=2), lambda: Point(1, x=2),
          lambda: p._replace(z=1), lambda: Point._make([1]), lambda: namedtuple('Q', 'x x'),
          lambda: namedtuple('Q', 'class'), lambda: namedtuple('Q', '_a'), lambda: namedtuple('1Q', 'a')]:
    try:
        f()
    except (TypeError, ValueError) as ex:
        print(type(ex).__name__, ex)
try:
    p.x = 3
except AttributeError as ex:
    print(ex)
class Pt(namedtuple('Pt', 'x y')):
    __slots__ = ()
    def norm(self):
        return abs(self.x) + abs(self.y)
print(Pt(3, -4).norm(), Pt(3, -4), sorted([Point(2, 1), Point(1, 5)]))
`,
    stdout: `Point(x=1, y=2) 1 2 {'x': 1, 'y': 2} Point(x=5, y=2) Point(x=3, y=4) ('x', 'y')
3 True True 2 True
P3(a=1, b=0, c=9) {'b': 0, 'c': 9} P3(a, b, c)
('x', '_1', '_2', '_3')
TypeError Point.__new__() missing 1 required positional argument: 'y'
TypeError Point.__new__() takes 3 positional arguments but 4 were given
TypeError Point.__new__() got an unexpected keyword argument 'z'
TypeError Point.__new__() got multiple values for argument 'x'
ValueError Got unexpected field names: ['z']
TypeError Expected 2 arguments, got 1
ValueError Encountered duplicate field name: 'x'
ValueError Type names and field names cannot be a keyword: 'class'
ValueError Field names cannot start with an underscore: '_a'
ValueError Type names and field names must be valid identifiers: '1Q'
can't set attribute
7 Pt(x=3, y=-4) [Point(x=1, y=5), Point(x=2, y=1)]
`,
  },
  {
    name: "collections_chainmap",
    source: `from collections import ChainMap
a = {'x': 1, 'y': 2}
b = {'y': 3, 'z': 4}
cm = ChainMap(a, b)
print(cm['x'], cm['y'], cm['z'], len(cm), sorted(cm), cm.get('q', 0), 'z' in cm)
cm['w'] = 5
print(a, cm.maps == [a, b], list(cm.items()))
child = cm.new_child({'x': 100})
print(child['x'], child.parents['x'])
`,
    stdout: `1 2 4 3 ['x', 'y', 'z'] 0 True
{'x': 1, 'y': 2, 'w': 5} True [('y', 2), ('z', 4), ('x', 1), ('w', 5)]
100 1
`,
  },
  {
    name: "json_roundtrips",
    source: `import json
data = {"name": "Ada", "langs": ["py", "c"], "age": 36, "ratio": 0.1, "ok": True, "none": None,
        "nested": {"a": [1, 2, {"b": []}], "e": {}}, "uni": "héllo ☃ 😀"}
s = json.dumps(data)
print(s)
print(json.dumps(data, indent=2, sort_keys=True))
print(json.dumps(data, ensure_ascii=False, separators=(',', ':')))
print(json.dumps([1, 2], indent='--'))
print(json.loads(s) == data, json.loads(json.dumps(data, indent=4)) == data)
print(json.dumps({1: 'a', 2.5: 'b', None: 'c', False: 'd'}))
print(json.dumps((1, 2)), json.dumps("a\\"b\\\\c\\n"), json.dumps(1e100), json.dumps(10**30), json.dumps(-0.0))
print(json.loads('[1, 2.5, -3e2, "x\\\\u00e9\\\\ud83d\\\\ude00", true, null, {"k": [ ]}]'))
for bad in ['', '[1,]', '{"a" 1}', '{"a": 1,}', '[1 2]', 'nul', '"abc', '{"a": 1} x', '\\n\\n  [1, ,]']:
    try:
        json.loads(bad)
    except json.JSONDecodeError as ex:
        print(repr(bad), '->', ex, ex.pos, ex.lineno, ex.colno, isinstance(ex, ValueError))
for bad in [{1, 2}, {(1, 2): 3}, float('nan')]:
    try:
        print(json.dumps(bad, allow_nan=False))
    except (TypeError, ValueError) as ex:
        print(type(ex).__name__, ex)
lst = [1]; lst.append(lst)
try:
    json.dumps(lst)
except ValueError as ex:
    print(ex)
print(json.dumps({(1, 2): 3, 'k': 4}, skipkeys=True), json.dumps({'b': 1, 'a': [3, {'d': 4, 'c': 5}]}, sort_keys=True, indent=1))
class Enc(json.JSONEncoder):
    def default(self, o):
        if isinstance(o, set):
            return sorted(o)
        return super().default(o)
print(json.dumps({'s': {3, 1, 2}}, cls=Enc), json.dumps(object, default=lambda o: o.__name__))
print(json.loads('{"a": {"b": 1}}', object_hook=lambda d: sorted(d.items())))
print(json.loads('[1.5, 2]', parse_float=str), json.loads('{"x": 1, "x": 2}'))
import io
buf = io.StringIO()
json.dump({'k': [1, 2]}, buf)
print(buf.getvalue(), json.load(io.StringIO('{"z": true}')))
print(json.loads(b'[1, "\\xc3\\xa9"]'.decode('latin-1').encode('latin-1')))
`,
    stdout: `{"name": "Ada", "langs": ["py", "c"], "age": 36, "ratio": 0.1, "ok": true, "none": null, "nested": {"a": [1, 2, {"b": []}], "e": {}}, "uni": "h\\u00e9llo \\u2603 \\ud83d\\ude00"}
{
  "age": 36,
  "langs": [
    "py",
    "c"
  ],
  "name": "Ada",
  "nested": {
    "a": [
      1,
      2,
      {
        "b": []
      }
    ],
    "e": {}
  },
  "none": null,
  "ok": true,
  "ratio": 0.1,
  "uni": "h\\u00e9llo \\u2603 \\ud83d\\ude00"
}
{"name":"Ada","langs":["py","c"],"age":36,"ratio":0.1,"ok":true,"none":null,"nested":{"a":[1,2,{"b":[]}],"e":{}},"uni":"héllo ☃ 😀"}
[
--1,
--2
]
True True
{"1": "a", "2.5": "b", "null": "c", "false": "d"}
[1, 2] "a\\"b\\\\c\\n" 1e+100 1000000000000000000000000000000 -0.0
[1, 2.5, -300.0, 'xé😀', True, None, {'k': []}]
'' -> Expecting value: line 1 column 1 (char 0) 0 1 1 True
'[1,]' -> Expecting value: line 1 column 4 (char 3) 3 1 4 True
'{"a" 1}' -> Expecting ':' delimiter: line 1 column 6 (char 5) 5 1 6 True
'{"a": 1,}' -> Expecting property name enclosed in double quotes: line 1 column 9 (char 8) 8 1 9 True
'[1 2]' -> Expecting ',' delimiter: line 1 column 4 (char 3) 3 1 4 True
'nul' -> Expecting value: line 1 column 1 (char 0) 0 1 1 True
'"abc' -> Unterminated string starting at: line 1 column 1 (char 0) 0 1 1 True
'{"a": 1} x' -> Extra data: line 1 column 10 (char 9) 9 1 10 True
'\\n\\n  [1, ,]' -> Expecting value: line 3 column 7 (char 8) 8 3 7 True
TypeError Object of type set is not JSON serializable
TypeError keys must be str, int, float, bool or None, not tuple
ValueError Out of range float values are not JSON compliant
Circular reference detected
{"k": 4} {
 "a": [
  3,
  {
   "c": 5,
   "d": 4
  }
 ],
 "b": 1
}
{"s": [1, 2, 3]} "object"
[('a', [('b', 1)])]
['1.5', 2] {'x': 2}
{"k": [1, 2]} {'z': True}
[1, 'é']
`,
  },
  {
    name: "string_module",
    source: `import string
print(string.ascii_letters, string.digits, string.hexdigits, string.octdigits)
print(repr(string.whitespace), repr(string.printable), string.punctuation)
print(string.capwords('  hello   world  of python '), string.capwords('a-b-c', '-'))
t = string.Template('$who likes \${what}; cost $$10')
print(t.substitute(who='tim', what='kung pao'), t.safe_substitute(who='x'), t.substitute({'who': 'a', 'what': 'b'}, who='c'))
print(t.get_identifiers(), t.is_valid(), string.Template('$ 1').is_valid())
for f in [lambda: t.substitute(who='x'), lambda: string.Template('a\\n  $').substitute(), lambda: string.Template('$1').substitute()]:
    try:
        f()
    except (KeyError, ValueError) as ex:
        print(type(ex).__name__, ex)
class Pct(string.Template):
    delimiter = '%'
print(Pct('%x and %{y}').substitute(x=1, y=2), t.template)
`,
    stdout: `abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ 0123456789 0123456789abcdefABCDEF 01234567
' \\t\\n\\r\\x0b\\x0c' '0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ!"#$%&\\'()*+,-./:;<=>?@[\\\\]^_\`{|}~ \\t\\n\\r\\x0b\\x0c' !"#$%&'()*+,-./:;<=>?@[\\]^_\`{|}~
Hello World Of Python A-B-C
tim likes kung pao; cost $10 x likes \${what}; cost $10 c likes b; cost $10
['who', 'what'] True False
KeyError 'what'
ValueError Invalid placeholder in string: line 2, col 3
ValueError Invalid placeholder in string: line 1, col 1
1 and 2 $who likes \${what}; cost $$10
`,
  },
  {
    name: "copy_module",
    source: `import copy
a = [1, [2, 3], {'k': [4]}]
b = copy.copy(a); c = copy.deepcopy(a)
a[1].append(99); a[2]['k'].append(5)
print(b, c, b[1] is a[1], c[1] is a[1])
t = (1, [2]); print(copy.deepcopy(t) == t, copy.deepcopy(t) is t, copy.copy(t) is t)
class P:
    def __init__(self, x, items):
        self.x = x; self.items = items
    def __repr__(self):
        return f"P({self.x}, {self.items})"
p = P(1, [1, 2]); p2 = copy.copy(p); p3 = copy.deepcopy(p)
p.items.append(3)
print(p2, p3, p2.items is p.items, type(p3).__name__)
class C:
    def __init__(self): self.log = []
    def __copy__(self):
        n = C(); n.log = ['copied']; return n
    def __deepcopy__(self, memo):
        n = C(); n.log = ['deep', len(memo) >= 0]; memo[id(self)] = n; return n
print(copy.copy(C()).log, copy.deepcopy(C()).log)
cyc = [1]; cyc.append(cyc)
d = copy.deepcopy(cyc); print(d[1] is d, d is not cyc)
s = {1, 2, frozenset([3])}; print(copy.deepcopy(s) == s, copy.copy(s) is s)
dd = {'a': [1], 'b': [1]}; dd['c'] = dd['a']
e = copy.deepcopy(dd); print(e['c'] is e['a'], e)
from collections import deque, Counter, OrderedDict, defaultdict, namedtuple
Pt = namedtuple('Pt', 'x y')
print(copy.deepcopy(deque([[1]], maxlen=4)), copy.copy(Counter('aab')), copy.deepcopy(OrderedDict(a=[1])), copy.deepcopy(defaultdict(list, a=[1])), copy.deepcopy(Pt(1, [2])))
class E(Exception): pass
err = copy.copy(E('boom', 2)); print(type(err).__name__, err.args)
try:
    copy.deepcopy(x for x in [])
except TypeError as ex:
    print(ex)
`,
    stdout: `[1, [2, 3, 99], {'k': [4, 5]}] [1, [2, 3], {'k': [4]}] True False
True False True
P(1, [1, 2, 3]) P(1, [1, 2]) True P
['copied'] ['deep', True]
True True
True False
True {'a': [1], 'b': [1], 'c': [1]}
deque([[1]], maxlen=4) Counter({'a': 2, 'b': 1}) OrderedDict([('a', [1])]) defaultdict(<class 'list'>, {'a': [1]}) Pt(x=1, y=[2])
E ('boom', 2)
cannot pickle 'generator' object
`,
  },
  {
    name: "sys_module",
    source: `import sys
print(sys.version_info >= (3, 8), sys.version_info[:2], sys.version_info.major, sys.version_info)
print(sys.platform, sys.maxsize, sys.byteorder, sys.argv[0].endswith('.py'), sys.getrecursionlimit())
n = sys.stdout.write("written\\n"); print(n)
print("to stderr", file=sys.stderr)
sys.stderr.write("err2\\n")
print(sys.getswitchinterval()); sys.setswitchinterval(0.001); print(sys.getswitchinterval())
try:
    raise ValueError("inner")
except ValueError:
    t, v, tb = sys.exc_info()
    print(t.__name__, v, tb is not None, sys.exception() is v)
print(sys.exc_info())
for f in [lambda: sys.setrecursionlimit(0), lambda: sys.setswitchinterval(-1), lambda: sys.intern(3)]:
    try:
        f()
    except (ValueError, TypeError) as ex:
        print(type(ex).__name__, ex)
print('sys' in sys.modules, isinstance(sys.path, list), sys.intern('ab'), sys.getsizeof('abc'), sys.getsizeof(1), sys.getsizeof((1, 2)))
try:
    sys.exit(3)
except SystemExit as ex:
    print('exit', ex.code, ex.args)
try:
    sys.exit()
except SystemExit as ex:
    print('exit', ex.code, ex.args)
sys.stdout.flush()
sys.exit("bye")
`,
    stdout: `True (3, 11) 3 sys.version_info(major=3, minor=11, micro=7, releaselevel='final', serial=0)
linux 9223372036854775807 little True 1000
written
8
0.005
0.001
ValueError inner True True
(None, None, None)
ValueError recursion limit must be greater or equal than 1
ValueError switch interval must be strictly positive
TypeError intern() argument must be str, not int
True True ab 52 28 56
exit 3 (3,)
exit None ()
`,
    stderr: `to stderr
err2
bye
`,
    exitCode: 1,
  },
  {
    name: "os_module",
    source: `import os
import os.path
from os.path import join, splitext
print(os.sep, repr(os.linesep), os.name, os.getcwd() == os.path.abspath('.'), os.path.sep, os.pathsep, os.curdir)
print(join('a', 'b', 'c.txt'), join('/a', '/b'), join('a/', 'b'), join('', 'x'), os.path.join('a', ''))
for p in ['/usr/lib/python3.11/os.py', 'file.tar.gz', '.bashrc', 'a/b/', '/', '', 'dir.d/file', '..']:
    print(repr(p), os.path.basename(p), os.path.dirname(p), os.path.split(p), splitext(p), os.path.isabs(p))
for p in ['a//b/./c/..', '/../x', '', '//a', '///a', 'a/../..', './']:
    print(repr(p), os.path.normpath(p))
print(os.path.abspath('x/y') == os.path.join(os.getcwd(), 'x/y'), os.path.abspath('/tmp/../etc'), os.path.expanduser('~/f') == os.environ['HOME'] + '/f', os.path.relpath('/home/user/a/b', '/home/user/c'))
print(os.path.commonprefix(['/usr/lib', '/usr/local']), os.path.commonpath(['/usr/lib', '/usr/local']))
print(os.environ['HOME'] == os.path.expanduser('~'), os.getenv('NOPE'), os.getenv('NOPE', 'dflt'), 'PATH' in os.environ)
print(isinstance(os.getpid(), int), isinstance(os.cpu_count(), int), len(os.urandom(8)), os.path.exists('/no/such/file'))
with open('data.txt', 'w') as f:
    f.write('hello')
print(os.path.exists('data.txt'), os.path.isfile('data.txt'), os.path.getsize('data.txt'), os.path.isdir('data.txt'))
os.environ['NEW'] = 'v'; print(os.environ.get('NEW'))
try:
    os.environ['BAD'] = 1
except TypeError as ex:
    print(ex)
`,
    stdout: `/ '\\n' posix True / : .
a/b/c.txt /b a/b x a/
'/usr/lib/python3.11/os.py' os.py /usr/lib/python3.11 ('/usr/lib/python3.11', 'os.py') ('/usr/lib/python3.11/os', '.py') True
'file.tar.gz' file.tar.gz  ('', 'file.tar.gz') ('file.tar', '.gz') False
'.bashrc' .bashrc  ('', '.bashrc') ('.bashrc', '') False
'a/b/'  a/b ('a/b', '') ('a/b/', '') False
'/'  / ('/', '') ('/', '') True
''   ('', '') ('', '') False
'dir.d/file' file dir.d ('dir.d', 'file') ('dir.d/file', '') False
'..' ..  ('', '..') ('..', '') False
'a//b/./c/..' a/b
'/../x' /x
'' .
'//a' //a
'///a' /a
'a/../..' ..
'./' .
True /etc True ../a/b
/usr/l /usr
True None dflt True
True True 8 False
True True 5 False
v
str expected, not int
`,
  },
  {
    name: "time_module",
    source: `import time
t0 = time.time(); m0 = time.monotonic(); p0 = time.perf_counter()
time.sleep(0.25)
print(time.time() - t0 >= 0.25, time.monotonic() - m0 >= 0.25, time.perf_counter() - p0 >= 0.25)
print(isinstance(time.time_ns(), int), type(time.time()).__name__)
st = time.gmtime(86400 * 365 + 3723)
print(st, st.tm_year, st[0], len(st), st[:3], st.tm_zone)
print(time.strftime('%Y-%m-%d %H:%M:%S %a %A %b %B %j %U %W %w %y %p %I %%', st))
print(time.strftime('%c | %x | %X | %D | %T | %F | %e | %u | %V | %G', time.gmtime(1767225600 + 86400 * 40 + 3600 * 15 + 61)))
print(time.asctime(time.gmtime(0)), time.ctime(0), time.mktime(time.gmtime(1000)))
print(time.struct_time((2020, 2, 29, 12, 0, 0, 5, 60, 0)))
for f in [lambda: time.sleep(-1), lambda: time.sleep('1'), lambda: time.struct_time((1, 2)), lambda: time.strftime('%Y', (2020, 13, 1, 0, 0, 0, 0, 1, 0))]:
    try:
        f()
    except (ValueError, TypeError) as ex:
        print(type(ex).__name__, ex)
print([time.gmtime(s)[:6] for s in (0, 951782400, 4102444800, -86400)])
`,
    stdout: `True True True
True float
time.struct_time(tm_year=1971, tm_mon=1, tm_mday=1, tm_hour=1, tm_min=2, tm_sec=3, tm_wday=4, tm_yday=1, tm_isdst=0) 1971 1971 9 (1971, 1, 1) GMT
1971-01-01 01:02:03 Fri Friday Jan January 001 00 00 5 71 AM 01 %
Tue Feb 10 15:01:01 2026 | 02/10/26 | 15:01:01 | 02/10/26 | 15:01:01 | 2026-02-10 | 10 | 2 | 07 | 2026
Thu Jan  1 00:00:00 1970 Thu Jan  1 00:00:00 1970 1000.0
time.struct_time(tm_year=2020, tm_mon=2, tm_mday=29, tm_hour=12, tm_min=0, tm_sec=0, tm_wday=5, tm_yday=60, tm_isdst=0)
ValueError sleep length must be non-negative
TypeError 'str' object cannot be interpreted as an integer
TypeError time.struct_time() takes an at least 9-sequence (2-sequence given)
ValueError month out of range
[(1970, 1, 1, 0, 0, 0), (2000, 2, 29, 0, 0, 0), (2100, 1, 1, 0, 0, 0), (1969, 12, 31, 0, 0, 0)]
`,
  },
  {
    name: "typing_module",
    source: `from typing import List, Dict, Tuple, Set, Optional, Union, Any, Callable, Iterable, Iterator, Generator, TypeVar, Generic, NamedTuple, cast, ClassVar, Protocol
T = TypeVar('T')
def total(xs: List[int], scale: Optional[float] = None) -> Dict[str, int]:
    return {'sum': sum(xs)}
print(total([1, 2]), total.__annotations__['xs'], total.__annotations__['scale'], total.__annotations__['return'])
print(List, Optional[int], Union[int, str], Union[int], Dict[str, List[int]], Callable[[int], str], Tuple[int, ...], Any, T)
class Stack(Generic[T]):
    def __init__(self) -> None:
        self.items: List[T] = []
    def push(self, item: T) -> None:
        self.items.append(item)
s = Stack[int](); s.push(3); print(s.items, Stack[int] is Stack or True)
class Emp(NamedTuple):
    name: str
    id: int = 3
    def show(self) -> str:
        return f"{self.name}#{self.id}"
e = Emp('guido')
print(e, e.show(), Emp._fields, Emp('a', 1) == ('a', 1), isinstance(e, tuple))
print(cast(int, '5'), Union[int, None], Optional[Union[int, str]])
class Closer(Protocol):
    def close(self) -> None: ...
print(Closer.__name__)
`,
    stdout: `{'sum': 3} typing.List[int] typing.Optional[float] typing.Dict[str, int]
typing.List typing.Optional[int] typing.Union[int, str] <class 'int'> typing.Dict[str, typing.List[int]] typing.Callable[[int], str] typing.Tuple[int, ...] typing.Any ~T
[3] True
Emp(name='guido', id=3) guido#3 ('name', 'id') True True
5 typing.Optional[int] typing.Union[int, str, NoneType]
Closer
`,
  },
  {
    name: "abc_module",
    source: `from abc import ABC, abstractmethod, ABCMeta
class Shape(ABC):
    @abstractmethod
    def area(self): ...
    @abstractmethod
    def name(self): ...
    def describe(self):
        return f"{self.name()} {self.area()}"
class Sq(Shape):
    def __init__(self, s): self.s = s
    def area(self): return self.s ** 2
class Square(Sq):
    def name(self): return "square"
for cls in (Shape, Sq):
    try:
        cls(1)
    except TypeError as ex:
        print(ex)
print(Square(3).describe(), isinstance(Square(2), Shape), type(Shape).__name__, sorted(Shape.__abstractmethods__))
class Base(ABC):
    pass
print(type(Base()).__name__)
class Seq(ABC):
    pass
Seq.register(list)
print(isinstance([], Seq), isinstance((), Seq), issubclass(Square, ABC))
`,
    stdout: `Shape() takes no arguments
Can't instantiate abstract class Sq with abstract method name
square 9 True ABCMeta ['area', 'name']
Base
True False True
`,
  },
  {
    name: "contextlib_module",
    source: `from contextlib import contextmanager, suppress, nullcontext, closing, ExitStack, redirect_stdout
import io
@contextmanager
def tag(name):
    print(f"<{name}>")
    try:
        yield name.upper()
    finally:
        print(f"</{name}>")
with tag("h1") as t:
    print("inside", t)
try:
    with tag("b"):
        raise KeyError("k")
except KeyError as ex:
    print("caught", ex)
@contextmanager
def swallow():
    try:
        yield
    except ZeroDivisionError as ex:
        print("swallowed", ex)
with swallow():
    1 / 0
print("after")
@contextmanager
def noyield():
    if False:
        yield
try:
    with noyield():
        pass
except RuntimeError as ex:
    print(ex)
with suppress(FileNotFoundError, KeyError):
    {}['x']
print("suppressed")
with nullcontext(5) as v:
    print(v)
class Res:
    def close(self): print("closed")
with closing(Res()) as r:
    print(type(r).__name__)
with ExitStack() as stack:
    for i in range(3):
        stack.callback(print, "cb", i)
    stack.enter_context(tag("x"))
    print("body")
@tag("deco")
def f():
    print("in f")
f()
print(tag.__name__)
`,
    stdout: `<h1>
inside H1
</h1>
<b>
</b>
caught 'k'
swallowed division by zero
after
generator didn't yield
suppressed
5
Res
closed
<x>
body
</x>
cb 2
cb 1
cb 0
<deco>
in f
</deco>
tag
`,
  },
  {
    name: "dataclasses_module",
    source: `from dataclasses import dataclass, field, fields, asdict, astuple, replace, FrozenInstanceError, InitVar, is_dataclass
from typing import List, ClassVar
@dataclass
class Point:
    x: int
    y: int = 0
p = Point(1)
print(p, Point(1, 2) == Point(1, 2), Point(1) == (1, 0), p.__doc__)
@dataclass(order=True)
class Version:
    major: int
    minor: int = 0
    tags: List[str] = field(default_factory=list, compare=False, repr=False)
    count: ClassVar[int] = 0
print(sorted([Version(2), Version(1, 5), Version(1, 2)]), Version(1) < Version(2), Version(1).tags)
@dataclass(frozen=True)
class F:
    a: int
    b: str = "x"
f = F(1)
try:
    f.a = 2
except FrozenInstanceError as ex:
    print(type(ex).__name__, ex, isinstance(ex, AttributeError))
try:
    del f.b
except FrozenInstanceError as ex:
    print(ex)
print(hash(f) == hash((1, "x")), {f: 1}[F(1)])
for g in [lambda: Point(), lambda: Point(1, 2, 3), lambda: Point(1, z=2), lambda: Point(1, x=2)]:
    try:
        g()
    except TypeError as ex:
        print(ex)
@dataclass
class Inv:
    name: str
    items: list = field(default_factory=list)
    total: float = field(init=False, default=0.0)
    scale: InitVar[int] = 1
    def __post_init__(self, scale):
        self.total = len(self.items) * scale
i = Inv("a", [1, 2], 10)
print(i, asdict(i), astuple(i), [f.name for f in fields(i)], replace(i, name="b", scale=2))
@dataclass
class Child(Point):
    z: int = 5
print(Child(1, 2, 3), Child(9), [f.name for f in fields(Child)], is_dataclass(Child), is_dataclass(Child(1)), is_dataclass(1))
@dataclass
class Nest:
    pts: List[Point]
    tag: dict
print(asdict(Nest([Point(1), Point(2, 3)], {'k': Point(0)})))
try:
    @dataclass
    class Bad:
        a: int = 1
        b: int
except TypeError as ex:
    print(ex)
try:
    @dataclass
    class Bad2:
        a: list = []
except ValueError as ex:
    print(ex)
@dataclass(eq=False)
class NoEq:
    v: int
print(NoEq(1) == NoEq(1), hash(Point) is not None, Point.__hash__)
@dataclass(unsafe_hash=True)
class H:
    v: int
print(hash(H(3)) == hash((3,)), repr(field(default=1)).startswith("Field(name=None"))
@dataclass(kw_only=True)
class K:
    a: int
    b: int = 2
print(K(a=1), Point.__match_args__)
try:
    K(1)
except TypeError as ex:
    print(ex)
`,
    stdout: `Point(x=1, y=0) True False Point(x: int, y: int = 0)
[Version(major=1, minor=2), Version(major=1, minor=5), Version(major=2, minor=0)] True []
FrozenInstanceError cannot assign to field 'a' True
cannot delete field 'b'
True 1
Point.__init__() missing 1 required positional argument: 'x'
Point.__init__() takes from 2 to 3 positional arguments but 4 were given
Point.__init__() got an unexpected keyword argument 'z'
Point.__init__() got multiple values for argument 'x'
Inv(name='a', items=[1, 2], total=20) {'name': 'a', 'items': [1, 2], 'total': 20} ('a', [1, 2], 20) ['name', 'items', 'total'] Inv(name='b', items=[1, 2], total=4)
Child(x=1, y=2, z=3) Child(x=9, y=0, z=5) ['x', 'y', 'z'] True True False
{'pts': [{'x': 1, 'y': 0}, {'x': 2, 'y': 3}], 'tag': {'k': {'x': 0, 'y': 0}}}
non-default argument 'b' follows default argument
mutable default <class 'list'> for field a is not allowed: use default_factory
False True None
True True
K(a=1, b=2) ('x', 'y')
K.__init__() takes 1 positional argument but 2 were given
`,
  },
  {
    name: "enum_module",
    source: `from enum import Enum, IntEnum, Flag, auto, unique
class Color(Enum):
    RED = 1
    GREEN = 2
    BLUE = 3
    CRIMSON = 1
    def describe(self):
        return f"{self.name}={self.value}"
print(Color.RED, repr(Color.GREEN), Color(3), Color['BLUE'], Color.CRIMSON is Color.RED, len(Color), list(Color))
print(Color.RED.describe(), Color.RED.name, Color.RED.value, Color.RED in Color, isinstance(Color.RED, Color), Color)
print([m for m in Color.__members__], Color.RED == 1, {Color.RED: 'r'}[Color.CRIMSON])
try:
    Color(7)
except ValueError as ex:
    print(ex)
class Auto(Enum):
    A = auto()
    B = auto()
    C = 10
    D = auto()
print(list(Auto), [a.value for a in Auto])
class Num(IntEnum):
    ONE = 1
    TWO = 2
print(Num.ONE + 1, Num.TWO == 2, sorted([Num.TWO, Num.ONE]), str(Num.ONE), f"{Num.TWO}", repr(Num.ONE), Num(2))
class Perm(Flag):
    R = 4
    W = 2
    X = 1
rw = Perm.R | Perm.W
print(rw, Perm.R in rw, Perm.X in rw, bool(Perm.R & Perm.X), Perm.R)
try:
    @unique
    class Dup(Enum):
        A = 1
        B = 1
except ValueError as ex:
    print(ex)
class Planet(Enum):
    EARTH = (5.97e24, 6.37e6)
    def __init__(self, mass, radius):
        self.mass = mass
        self.radius = radius
print(Planet.EARTH.mass, Planet.EARTH.value)
try:
    Color.RED = 5
except AttributeError as ex:
    print(ex)
Shape = Enum('Shape', 'SQUARE CIRCLE')
print(list(Shape), Shape.CIRCLE.value)
`,
    stdout: `Color.RED <Color.GREEN: 2> Color.BLUE Color.BLUE True 3 [<Color.RED: 1>, <Color.GREEN: 2>, <Color.BLUE: 3>]
RED=1 RED 1 True True <enum 'Color'>
['RED', 'GREEN', 'BLUE', 'CRIMSON'] False r
7 is not a valid Color
[<Auto.A: 1>, <Auto.B: 2>, <Auto.C: 10>, <Auto.D: 11>] [1, 2, 10, 11]
2 True [<Num.ONE: 1>, <Num.TWO: 2>] 1 2 <Num.ONE: 1> 2
Perm.R|W True False False Perm.R
duplicate values found in <enum 'Dup'>: B -> A
5.97e+24 (5.97e+24, 6370000.0)
cannot reassign member 'RED'
[<Shape.SQUARE: 1>, <Shape.CIRCLE: 2>] 2
`,
  },
  {
    name: "types_and_io",
    source: `from types import SimpleNamespace
import types, io
ns = SimpleNamespace(a=1, b='x')
ns.c = [1]
print(ns, ns.a, ns == SimpleNamespace(a=1, b='x', c=[1]), SimpleNamespace())
def f(): pass
print(isinstance(f, types.FunctionType), isinstance(len, types.BuiltinFunctionType), isinstance((x for x in []), types.GeneratorType))
buf = io.StringIO()
print(buf.write("hello\\nworld\\n"), buf.tell())
buf.seek(0)
print(repr(buf.readline()), repr(buf.read()), repr(buf.read()), buf.getvalue().splitlines())
s = io.StringIO("a\\nb\\nc")
print([line for line in s], s.getvalue())
s.seek(1); s.write("XY"); print(repr(s.getvalue()))
out = io.StringIO()
print("x", 1, file=out); print(repr(out.getvalue()))
b = io.BytesIO(b"abc"); b.seek(0, 2); b.write(b"de"); print(b.getvalue(), b.tell())
try:
    io.StringIO().write(1)
except TypeError as ex:
    print(ex)
with io.StringIO() as z:
    z.write("q")
print(z.closed)
`,
    stdout: `namespace(a=1, b='x', c=[1]) 1 True namespace()
True True True
12 12
'hello\\n' 'world\\n' '' ['hello', 'world']
['a\\n', 'b\\n', 'c'] a
b
c
'aXY\\nc'
'x 1\\n'
b'abcde' 5
string argument expected, got 'int'
True
`,
  },
];

describe("programs using the modules print what CPython prints", () => {
  it.skipIf(!PYTHON)("the recorded outputs are python3's", () => {
    for (const p of PROGRAMS) {
      expect({ name: p.name, ...python(p.name, p.source) }).toEqual({
        name: p.name,
        stdout: p.stdout,
        stderr: p.stderr ?? "",
        exitCode: p.exitCode ?? 0,
      });
    }
  });

  for (const p of PROGRAMS) {
    it(p.name, () => {
      const got = runSource(p.source, { filename: `${p.name}.py` });
      expect({ stdout: got.stdout, stderr: got.stderr, exitCode: got.exitCode }).toEqual({
        stdout: p.stdout,
        stderr: p.stderr ?? "",
        exitCode: p.exitCode ?? 0,
      });
    });
  }
});
