/**
 * Generator and coroutine objects' methods: send, throw, close, iteration, and the
 * delegation of throw() to a sub-generator a `yield from` / `await` is suspended in
 * (CPython's gen_throw and _PyGen_yf).
 */
import { closeGenerator, enterFrame, resumeGenerator, runToValue, setGenThrow } from "../call";
import { defGetSet, defMethods } from "../define";
import { ReturnMode } from "../frame";
import { objectId } from "../identity";
import { GeneratorExitType, StopIterationType, typeError } from "../errors";
import { CoroutineType, GeneratorType, PyGenerator } from "../iterators";
import { Op } from "../../python/opcodes";
import { BaseExceptionType, None, PyBaseException, PyType, isInstance, type PyValue } from "../objects";
import { callPy, getAttr } from "../protocol";


const gen = (v: PyValue): PyGenerator => {
  if (!(v instanceof PyGenerator)) {
    throw typeError("descriptor requires a generator object");
  }
  return v;
};

/** The exception `throw(typ, val)` raises: a class is instantiated with val. */
function makeThrown(typ: PyValue, val: PyValue | undefined): PyBaseException {
  if (typ instanceof PyType && typ.isSubtypeOf(BaseExceptionType)) {
    const e = val instanceof PyBaseException ? val : callPy(typ, val === undefined || val === None ? [] : [val]);
    return e as PyBaseException;
  }
  if (typ instanceof PyBaseException) {
    return typ;
  }
  throw typeError("exceptions must be classes or instances deriving from BaseException, not " + typeof typ);
}

/** The receiver a generator is delegating to when suspended inside a SEND loop, else null. */
function delegate(g: PyGenerator): PyValue | null {
  const f = g.frame;
  if (!g.started || g.finished || f.pc === 0) {
    return null;
  }
  const code = f.code.code;
  const prev = (f.pc - 1) << 1;
  if (code[prev] === Op.YIELD_VALUE && code[prev + 1] === 1) {
    return f.stack[f.stack.length - 1];
  }
  return null;
}

/** gen.throw(exc): delegated to the sub-generator first, as CPython's gen_throw. */
export function genThrow(g: PyGenerator, e: PyBaseException): PyValue {
  const sub = delegate(g);
  if (sub !== null) {
    let yielded: PyValue;
    g.running = true;
    try {
      if (isInstance(e, GeneratorExitType)) {
        if (sub instanceof PyGenerator) {
          closeGenerator(sub);
        } else {
          const close = getAttrOr(sub, "close");
          if (close !== undefined) {
            callPy(close, []);
          }
        }
        throw e;
      }
      if (sub instanceof PyGenerator) {
        yielded = genThrow(sub, e);
      } else {
        const th = getAttrOr(sub, "throw");
        if (th === undefined) {
          throw e;
        }
        yielded = callPy(th, [e]);
      }
    } catch (inner) {
      g.running = false;
      if (inner instanceof PyBaseException && isInstance(inner, StopIterationType)) {
        // The sub-generator finished: the outer one goes on after its SEND loop with the value.
        const f = g.frame;
        f.stack.pop();
        f.stack.push(inner.args.items.length ? inner.args.items[0] : None);
        const send = f.code.code[(f.pc << 1) + 1];
        f.pc = f.code.code[(send << 1) + 1];
        g.running = true;
        f.returnMode = ReturnMode.GenCall;
        f.nested = false;
        return runToValue(enterFrame(f));
      }
      if (inner instanceof PyBaseException) {
        return runToValue(resumeGenerator(g, None, ReturnMode.GenCall, inner));
      }
      throw inner;
    }
    g.running = false;
    return yielded;
  }
  return runToValue(resumeGenerator(g, None, ReturnMode.GenCall, e));
}

setGenThrow(genThrow);

function getAttrOr(o: PyValue, name: string): PyValue | undefined {
  try {
    return getAttr(o, name);
  } catch {
    return undefined;
  }
}

for (const t of [GeneratorType, CoroutineType]) {
  const kind = t === GeneratorType ? "generator" : "coroutine";
  defMethods(t, {
    send: (args) => resumeGenerator(gen(args[0]), args[1] ?? None, ReturnMode.GenCall),
    throw: (args) => genThrow(gen(args[0]), makeThrown(args[1], args[2])),
    close: (args) => closeGenerator(gen(args[0])),
    __repr__: (args) => {
      const g = gen(args[0]);
      return `<${kind} object ${g.qualname} at 0x${objectId(g).toString(16).padStart(12, "0")}>`;
    },
  });
  defGetSet(t, "__name__", (g) => gen(g).name);
  defGetSet(t, "__qualname__", (g) => gen(g).qualname);
  defGetSet(t, kind === "generator" ? "gi_running" : "cr_running", (g) => gen(g).running);
  defGetSet(t, kind === "generator" ? "gi_frame" : "cr_frame", (g) => (gen(g).finished ? None : None));
  defGetSet(t, kind === "generator" ? "gi_yieldfrom" : "cr_await", (g) => delegate(gen(g)) ?? None);
}
defMethods(GeneratorType, {
  __iter__: (args) => args[0],
  __next__: (args) => resumeGenerator(gen(args[0]), None, ReturnMode.GenCall),
});
defMethods(CoroutineType, {
  __await__: (args) => args[0],
});
