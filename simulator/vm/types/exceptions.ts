/**
 * BaseException's behaviour (Objects/exceptions.c): args, str/repr, the chaining
 * attributes, traceback objects, and the extra attributes of a few subclasses.
 */
import { defGetSet, defMethods } from "../define";
import {
  AttributeErrorType,
  BlockingIOErrorType,
  BrokenPipeErrorType,
  ChildProcessErrorType,
  ConnectionAbortedErrorType,
  ConnectionRefusedErrorType,
  ConnectionResetErrorType,
  FileExistsErrorType,
  FileNotFoundErrorType,
  InterruptedErrorType,
  IsADirectoryErrorType,
  NotADirectoryErrorType,
  PermissionErrorType,
  ProcessLookupErrorType,
  TimeoutErrorType,
  KeyErrorType,
  NameErrorType,
  OSErrorType,
  setOSErrorFields,
  StopIterationType,
  SystemExitType,
  typeError,
} from "../errors";
import {
  BaseExceptionType,
  None,
  ObjectType,
  PyBaseException,
  PyBuiltin,
  PyDict,
  PyList,
  PyObject,
  PyTuple,
  PyType,
  nativeType,
  type PyValue,
} from "../objects";
import { repr, str, toArray, typeName } from "../protocol";
import { allocInstance } from "../call";

const exc = (v: PyValue): PyBaseException => {
  if (!(v instanceof PyBaseException)) {
    throw typeError("descriptor requires a 'BaseException' object");
  }
  return v;
};

BaseExceptionType.dict!.setStr(
  "__new__",
  new PyBuiltin(
    "__new__",
    (args) => {
      const e = allocInstance(args[0] as PyType) as PyBaseException;
      e.args = new PyTuple(args.slice(1));
      return e;
    },
    BaseExceptionType,
  ),
);

defMethods(BaseExceptionType, {
  __init__: (args) => {
    exc(args[0]).args = new PyTuple(args.slice(1));
    return None;
  },
  __str__: (args) => {
    const a = exc(args[0]).args.items;
    return a.length === 0 ? "" : a.length === 1 ? str(a[0]) : repr(new PyTuple(a));
  },
  __repr__: (args) => {
    const e = exc(args[0]);
    const a = e.args.items;
    const name = e.cls.name;
    return a.length === 1 ? `${name}(${repr(a[0])})` : `${name}${repr(new PyTuple(a))}`;
  },
  with_traceback: (args) => {
    const e = exc(args[0]);
    if (args[1] === None) {
      e.traceback = [];
    } else if (args[1] instanceof PyTraceback) {
      e.traceback = [...args[1].owner.traceback.slice(args[1].index)];
    }
    return e;
  },
  add_note: (args) => {
    const e = exc(args[0]);
    if (typeof args[1] !== "string") {
      throw typeError(`note must be a str, not '${typeName(args[1])}'`);
    }
    e.dict ??= new PyDict();
    const existing = e.dict.getStr("__notes__");
    const notes = existing instanceof PyList ? existing : new PyList([]);
    e.dict.setStr("__notes__", notes);
    notes.items.push(args[1]);
    return None;
  },
});
defGetSet(
  BaseExceptionType,
  "args",
  (e) => exc(e).args,
  (e, v) => {
    exc(e).args = new PyTuple(v === undefined ? [] : toArray(v));
  },
);
defGetSet(
  BaseExceptionType,
  "__cause__",
  (e) => exc(e).cause,
  (e, v) => {
    const x = exc(e);
    if (v !== None && v !== undefined && !(v instanceof PyBaseException)) {
      throw typeError("exception cause must be None or derive from BaseException");
    }
    x.cause = v ?? None;
    x.suppressContext = true;
  },
);
defGetSet(
  BaseExceptionType,
  "__context__",
  (e) => exc(e).context,
  (e, v) => {
    exc(e).context = v ?? None;
  },
);
defGetSet(
  BaseExceptionType,
  "__suppress_context__",
  (e) => exc(e).suppressContext,
  (e, v) => {
    exc(e).suppressContext = v === true;
  },
);
defGetSet(
  BaseExceptionType,
  "__traceback__",
  (e) => {
    const x = exc(e);
    return x.traceback.length ? new PyTraceback(x, 0) : None;
  },
  (e, v) => {
    const x = exc(e);
    x.traceback = v instanceof PyTraceback ? v.owner.traceback.slice(v.index) : [];
  },
);
defGetSet(BaseExceptionType, "__dict__", (e) => (exc(e).dict ??= new PyDict()));

// ---------------------------------------------------------------- traceback objects

export const TracebackType = nativeType("traceback", ObjectType);

/** A view of one entry of an exception's traceback (tb_next walks the rest). */
export class PyTraceback extends PyObject {
  constructor(
    public owner: PyBaseException,
    public index: number,
  ) {
    super(TracebackType);
  }
}

const entry = (t: PyValue) => {
  const tb = t as PyTraceback;
  return tb.owner.traceback[tb.index];
};
defGetSet(TracebackType, "tb_lineno", (t) => {
  const en = entry(t);
  return en.code.positions[en.pc * 4];
});
defGetSet(TracebackType, "tb_lasti", (t) => entry(t).pc * 2);
defGetSet(TracebackType, "tb_next", (t) => {
  const tb = t as PyTraceback;
  return tb.index + 1 < tb.owner.traceback.length ? new PyTraceback(tb.owner, tb.index + 1) : None;
});
defGetSet(TracebackType, "tb_frame", () => None);

// ---------------------------------------------------------------- subclasses' attributes

const firstArg = (e: PyValue): PyValue => {
  const a = exc(e).args.items;
  return a.length ? a[0] : None;
};

defGetSet(StopIterationType, "value", firstArg);
defGetSet(SystemExitType, "code", firstArg);
defMethods(KeyErrorType, {
  __str__: (args) => {
    const a = exc(args[0]).args.items;
    return a.length === 1 ? repr(a[0]) : a.length === 0 ? "" : repr(new PyTuple(a));
  },
});
const dictAttr = (name: string) => (e: PyValue): PyValue => exc(e).dict?.getStr(name) ?? None;
defGetSet(NameErrorType, "name", dictAttr("name"), (e, v) => {
  (exc(e).dict ??= new PyDict()).setStr("name", v ?? None);
});
defGetSet(AttributeErrorType, "name", dictAttr("name"), (e, v) => {
  (exc(e).dict ??= new PyDict()).setStr("name", v ?? None);
});
defGetSet(AttributeErrorType, "obj", dictAttr("obj"), (e, v) => {
  (exc(e).dict ??= new PyDict()).setStr("obj", v ?? None);
});
// OSError(errno, strerror[, filename[, winerror[, filename2]]]): the fields live outside
// `args` (which keeps only errno and strerror once a filename is given), and OSError itself
// picks the subclass that matches the errno (FileNotFoundError for ENOENT, ...), as
// CPython's OSError_new does.
interface OSFields {
  errno: PyValue;
  strerror: PyValue;
  filename: PyValue;
  filename2: PyValue;
}
const osFields = new WeakMap<PyBaseException, OSFields>();
const fieldsOf = (e: PyValue): OSFields => {
  let f = osFields.get(exc(e));
  if (f === undefined) {
    f = { errno: None, strerror: None, filename: None, filename2: None };
    osFields.set(exc(e), f);
  }
  return f;
};
function setFields(e: PyBaseException, a: PyValue[]): void {
  e.args = new PyTuple(a);
  if (a.length >= 2 && a.length <= 5) {
    const f = fieldsOf(e);
    f.errno = a[0];
    f.strerror = a[1];
    if (a.length >= 3) {
      f.filename = a[2];
      f.filename2 = a[4] ?? None;
      e.args = new PyTuple(a.slice(0, 2));
    }
  }
}
setOSErrorFields(setFields);
const ERRNO_SUBCLASS = new Map<number, PyType>([
  [1, PermissionErrorType], [2, FileNotFoundErrorType], [3, ProcessLookupErrorType],
  [4, InterruptedErrorType], [10, ChildProcessErrorType], [11, BlockingIOErrorType],
  [13, PermissionErrorType], [17, FileExistsErrorType], [20, NotADirectoryErrorType],
  [21, IsADirectoryErrorType], [32, BrokenPipeErrorType], [103, ConnectionAbortedErrorType],
  [104, ConnectionResetErrorType], [108, BrokenPipeErrorType], [110, TimeoutErrorType],
  [111, ConnectionRefusedErrorType], [114, BlockingIOErrorType], [115, BlockingIOErrorType],
]);
OSErrorType.dict!.setStr(
  "__new__",
  new PyBuiltin(
    "__new__",
    (args) => {
      let cls = args[0] as PyType;
      const a = args.slice(1);
      if (cls === OSErrorType && a.length >= 2 && typeof a[0] === "number") {
        cls = ERRNO_SUBCLASS.get(a[0]) ?? cls;
      }
      const e = allocInstance(cls) as PyBaseException;
      setFields(e, a);
      return e;
    },
    OSErrorType,
  ),
);
for (const name of ["errno", "strerror", "filename", "filename2"] as const) {
  defGetSet(
    OSErrorType,
    name,
    (e) => fieldsOf(e)[name],
    (e, v) => {
      fieldsOf(e)[name] = v ?? None;
    },
  );
}
defMethods(OSErrorType, {
  // The fields were set by __new__; a second __init__ changes nothing (OSError_init).
  __init__: () => None,
  __str__: (args) => {
    const f = fieldsOf(args[0]);
    if (f.filename !== None) {
      const tail = f.filename2 !== None ? ` -> ${repr(f.filename2)}` : "";
      return `[Errno ${str(f.errno)}] ${str(f.strerror)}: ${repr(f.filename)}${tail}`;
    }
    if (f.errno !== None && f.strerror !== None) {
      return `[Errno ${str(f.errno)}] ${str(f.strerror)}`;
    }
    const a = exc(args[0]).args.items;
    return a.length === 0 ? "" : a.length === 1 ? str(a[0]) : repr(new PyTuple(a));
  },
});
