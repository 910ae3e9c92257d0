/**
 * The instruction set shared by the compiler and the VM. A stack machine close to CPython
 * 3.8-3.11's bytecode, so that CPython's compiler and ceval are a reading guide, with two
 * simplifications: exception handling uses a block stack of handlers (no exception table),
 * and `finally` bodies are compiled inline at every exit (as CPython 3.9+ does).
 *
 * Stack effects are written `before → after`, top of stack on the right. "arg" is the
 * instruction's argument word. Jump targets are instruction indices.
 *
 * Exception handling. SETUP_HANDLER pushes a handler block {target, stack depth, handled
 * depth}. When an exception propagates to a frame whose block stack is not empty, the VM
 * pops the innermost block, truncates the value stack to the block's depth, truncates the
 * frame's stack of handled exceptions to the block's handled depth, pushes the exception on
 * the handled stack (what `sys.exc_info()` sees and what a new exception's `__context__`
 * becomes), pushes it on the value stack and jumps to the target. POP_EXCEPT pops the handled
 * stack when a handler finishes normally. With no block left, the frame is discarded and the
 * exception goes on to the caller.
 */
export const enum Op {
  NOP = 0,
  /** a → */
  POP_TOP,
  /** a b → b a */
  ROT_TWO,
  /** a b c → c a b */
  ROT_THREE,
  /** a b c d → d a b c */
  ROT_FOUR,
  /** a → a a */
  DUP_TOP,
  /** a b → a b a b */
  DUP_TOP_TWO,

  /** → consts[arg] */
  LOAD_CONST,
  /** → varnames[arg]'s value; UnboundLocalError if unbound. */
  LOAD_FAST,
  /** v → ; varnames[arg] = v */
  STORE_FAST,
  /** → ; unbinds varnames[arg] (UnboundLocalError if unbound). */
  DELETE_FAST,
  /** → cell value; arg indexes cellvars ++ freevars. NameError "cannot access free variable ..." / UnboundLocalError when empty. */
  LOAD_DEREF,
  /** v → */
  STORE_DEREF,
  DELETE_DEREF,
  /** → the cell object itself (to build a closure tuple). */
  LOAD_CLOSURE,
  /** In a class body: → locals dict[name of cell arg] if present, else the cell's value. */
  LOAD_CLASSDEREF,
  /** → locals dict, then globals, then builtins [names[arg]]; NameError otherwise. */
  LOAD_NAME,
  /** v → ; locals dict[names[arg]] = v */
  STORE_NAME,
  DELETE_NAME,
  /** → globals, then builtins [names[arg]] */
  LOAD_GLOBAL,
  STORE_GLOBAL,
  DELETE_GLOBAL,

  /** o → o.names[arg] */
  LOAD_ATTR,
  /** v o → ; o.names[arg] = v */
  STORE_ATTR,
  /** o → ; del o.names[arg] */
  DELETE_ATTR,
  /**
   * o → meth o        when o's type has a plain function/method descriptor names[arg] not shadowed by the instance
   * o → NULL attr     otherwise (NULL is an internal marker, never a Python value)
   */
  LOAD_METHOD,
  /** meth self a1..an → result, or NULL f a1..an → f(a1..an); arg = n */
  CALL_METHOD,
  /** meth self a1..an kwnames → result; arg = n counts positional and keyword values; kwnames is a tuple (LOAD_CONST) of the last len(kwnames) argument names. */
  CALL_METHOD_KW,
  /** f a1..an → f(a1..an); arg = n */
  CALL,
  /** f a1..an kwnames → result; as CALL_METHOD_KW */
  CALL_KW,
  /** f args [kwargs] → f(*args, **kwargs); args is a tuple; kwargs (a dict) is present when arg & 1 */
  CALL_EX,

  /** a → op a; arg is a UnaryOp */
  UNARY,
  /** a b → a op b; arg is a BinaryOp */
  BINARY,
  /** a b → (a op= b); arg is a BinaryOp; tries __iop__ first */
  INPLACE,
  /** a b → a op b; arg is a CompareOp (including in, not in, is, is not) */
  COMPARE,
  /** a k → a[k] */
  BINARY_SUBSCR,
  /** v a k → ; a[k] = v */
  STORE_SUBSCR,
  /** a k → ; del a[k] */
  DELETE_SUBSCR,
  /** lo hi → slice(lo, hi) when arg = 2; lo hi step → slice(lo, hi, step) when arg = 3 */
  BUILD_SLICE,

  /** a1..an → (a1, ..., an) */
  BUILD_TUPLE,
  /** a1..an → [a1, ..., an] */
  BUILD_LIST,
  /** a1..an → {a1, ..., an} */
  BUILD_SET,
  /** k1 v1 .. kn vn → {k1: v1, ...}; arg = n pairs */
  BUILD_MAP,
  /** s1..sn → s1 + ... + sn (all str); arg = n */
  BUILD_STRING,
  /** v → ; stack[-arg] (after popping v) is a list: append v. Used by comprehensions. */
  LIST_APPEND,
  /** v → ; stack[-arg] is a set: add v */
  SET_ADD,
  /** k v → ; stack[-arg] (after popping both) is a dict: d[k] = v */
  MAP_ADD,
  /** it → ; stack[-arg] is a list: extend it with iterable it ([*a, *b], f(*a, *b)) */
  LIST_EXTEND,
  /** it → ; stack[-arg] is a set: update it */
  SET_UPDATE,
  /** m → ; stack[-arg] is a dict: update with mapping m ({**a}) */
  DICT_UPDATE,
  /** m → ; as DICT_UPDATE for f(**m): TypeError on a repeated keyword or a non-mapping (needs the callable at stack[-arg - 2] for the message) */
  DICT_MERGE,
  /** list → tuple */
  LIST_TO_TUPLE,
  /** v [spec] → str; arg & 3: 0 none, 1 str(), 2 repr(), 3 ascii(); arg & 4: a format spec (a str) is on top */
  FORMAT_VALUE,
  /** seq → vn .. v1 (v1 on top); ValueError "too many values to unpack (expected n)" / "not enough values ..." */
  UNPACK_SEQUENCE,
  /** seq → after_m .. after_1 list before_k .. before_1 (before_1 on top); arg = k | (m << 8) */
  UNPACK_EX,

  /** pc = arg */
  JUMP,
  /** v → ; jump if not truthy */
  POP_JUMP_IF_FALSE,
  /** v → ; jump if truthy */
  POP_JUMP_IF_TRUE,
  /** v → v and jump if not truthy, else → (pop) */
  JUMP_IF_FALSE_OR_POP,
  /** v → v and jump if truthy, else → (pop) */
  JUMP_IF_TRUE_OR_POP,
  /** o → iter(o) */
  GET_ITER,
  /** it → it next(it), or when exhausted: it → and jump to arg */
  FOR_ITER,

  /**
   * [defaults] [kwdefaults] [closure] code qualname → function
   * arg & 1: a tuple of positional defaults; arg & 2: a dict of keyword-only defaults;
   * arg & 8: a tuple of cells (LOAD_CLOSURE ... BUILD_TUPLE). Pushed in that order.
   */
  MAKE_FUNCTION,
  /** v → ; return v from this frame */
  RETURN_VALUE,
  /** → the __build_class__ builtin. The compiler calls it as __build_class__(body function, name, *bases, **keywords). */
  LOAD_BUILD_CLASS,
  /** In a class body or module with annotations: creates `__annotations__` in the locals dict if absent. */
  SETUP_ANNOTATIONS,
  /** → AssertionError */
  LOAD_ASSERTION_ERROR,

  /** Push a handler block: target arg, the current stack depth, the current handled depth. */
  SETUP_HANDLER,
  /** Like SETUP_HANDLER, but the recorded stack depth excludes the top of stack (the __enter__ result BEFORE_WITH pushed). */
  SETUP_WITH,
  /** Pop the innermost handler block. */
  POP_BLOCK,
  /** Pop the frame's innermost handled exception (a handler finished without raising). */
  POP_EXCEPT,
  /**
   * arg 0: re-raise the exception being handled (bare `raise`; RuntimeError "No active exception to reraise" if none);
   * arg 1: exc → raise exc (a class is instantiated); arg 2: exc cause → raise exc from cause.
   */
  RAISE_VARARGS,
  /** exc → ; raise exc again, keeping its traceback (end of a cleanup or unmatched handler chain). */
  RERAISE,
  /** exc type → exc; jump to arg when exc is not an instance of type (a class or a tuple of classes) */
  JUMP_IF_NOT_EXC_MATCH,

  /** ctx → exit enter_result: looks up __exit__ (bound) and calls __enter__ */
  BEFORE_WITH,
  /** ctx → exit awaitable: looks up __aexit__ (bound) and calls __aenter__ (the compiler awaits the result) */
  BEFORE_ASYNC_WITH,
  /** exit → result of exit(None, None, None) (for async with, an awaitable the compiler awaits) */
  WITH_NORMAL_EXIT,
  /** exit exc → exit exc result of exit(type(exc), exc, exc.__traceback__) (async: an awaitable) */
  WITH_EXC_EXIT,

  /** v → sent; suspends the generator yielding v; on resume pushes the value sent in. arg 1 marks the yield of a SEND loop (delegation, so throw()/close() go to the receiver at stack[-2]). */
  YIELD_VALUE,
  /** o → iterator for `yield from` (a generator or coroutine passes through; else iter(o)) */
  GET_YIELD_FROM_ITER,
  /** o → awaitable iterator for `await` (a coroutine, or o.__await__()); TypeError otherwise */
  GET_AWAITABLE,
  /**
   * receiver v → receiver yielded   (the receiver yielded: continue with the next instruction)
   * receiver v → result             (the receiver returned: jump to arg)
   * Sends v into the receiver (None: next()). The compiler's loop for `yield from x` / `await x`:
   *   GET_YIELD_FROM_ITER|GET_AWAITABLE; LOAD_CONST None; L: SEND end; YIELD_VALUE 1; JUMP L; end:
   */
  SEND,
  /** o → aiter(o) (async for) */
  GET_AITER,
  /** aiter → aiter awaitable_of_anext (async for; the compiler awaits it under a handler that jumps to END_ASYNC_FOR) */
  GET_ANEXT,
  /** aiter exc → ; if exc is StopAsyncIteration: pop the handled exception and go on, else re-raise */
  END_ASYNC_FOR,

  /** level fromlist → module; imports names[arg] (level: int, fromlist: tuple of str or None). `import a.b` without fromlist pushes `a`. */
  IMPORT_NAME,
  /** module → module attr; pushes module.names[arg] (ImportError "cannot import name ..." if missing) */
  IMPORT_FROM,
  /** module → ; copies the module's public names into the locals dict */
  IMPORT_STAR,
}

export const enum UnaryOp {
  Neg = 0,
  Pos,
  Invert,
  Not,
}

/** Binary operators, in the order of ast.BinOperator. */
export const enum BinaryOp {
  Add = 0,
  Sub,
  Mul,
  MatMul,
  TrueDiv,
  Mod,
  Pow,
  LShift,
  RShift,
  Or,
  Xor,
  And,
  FloorDiv,
}

export const enum CompareOp {
  Lt = 0,
  Le,
  Eq,
  Ne,
  Gt,
  Ge,
  In,
  NotIn,
  Is,
  IsNot,
}

/** Instruction names for the disassembler and for error reports, indexed by Op. */
export const opNames: readonly string[] = [
  "NOP", "POP_TOP", "ROT_TWO", "ROT_THREE", "ROT_FOUR", "DUP_TOP", "DUP_TOP_TWO",
  "LOAD_CONST", "LOAD_FAST", "STORE_FAST", "DELETE_FAST", "LOAD_DEREF", "STORE_DEREF", "DELETE_DEREF",
  "LOAD_CLOSURE", "LOAD_CLASSDEREF", "LOAD_NAME", "STORE_NAME", "DELETE_NAME", "LOAD_GLOBAL", "STORE_GLOBAL",
  "DELETE_GLOBAL", "LOAD_ATTR", "STORE_ATTR", "DELETE_ATTR", "LOAD_METHOD", "CALL_METHOD", "CALL_METHOD_KW",
  "CALL", "CALL_KW", "CALL_EX", "UNARY", "BINARY", "INPLACE", "COMPARE", "BINARY_SUBSCR", "STORE_SUBSCR",
  "DELETE_SUBSCR", "BUILD_SLICE", "BUILD_TUPLE", "BUILD_LIST", "BUILD_SET", "BUILD_MAP", "BUILD_STRING",
  "LIST_APPEND", "SET_ADD", "MAP_ADD", "LIST_EXTEND", "SET_UPDATE", "DICT_UPDATE", "DICT_MERGE", "LIST_TO_TUPLE",
  "FORMAT_VALUE", "UNPACK_SEQUENCE", "UNPACK_EX", "JUMP", "POP_JUMP_IF_FALSE", "POP_JUMP_IF_TRUE",
  "JUMP_IF_FALSE_OR_POP", "JUMP_IF_TRUE_OR_POP", "GET_ITER", "FOR_ITER", "MAKE_FUNCTION", "RETURN_VALUE",
  "LOAD_BUILD_CLASS", "SETUP_ANNOTATIONS", "LOAD_ASSERTION_ERROR", "SETUP_HANDLER", "SETUP_WITH", "POP_BLOCK",
  "POP_EXCEPT", "RAISE_VARARGS", "RERAISE", "JUMP_IF_NOT_EXC_MATCH", "BEFORE_WITH", "BEFORE_ASYNC_WITH",
  "WITH_NORMAL_EXIT", "WITH_EXC_EXIT", "YIELD_VALUE", "GET_YIELD_FROM_ITER", "GET_AWAITABLE", "SEND",
  "GET_AITER", "GET_ANEXT", "END_ASYNC_FOR", "IMPORT_NAME", "IMPORT_FROM", "IMPORT_STAR",
];
