/**
 * The builtin exception hierarchy (CPython's Objects/exceptions.c, as of 3.11) and the
 * helpers native code uses to raise. Python exceptions travel through TypeScript as thrown
 * PyBaseException instances: `throw typeError("...")`. Anything else thrown is a bug in the
 * simulator and is reported as an internal error, never as a Python result.
 */
import { BaseExceptionType, nativeType, PyBaseException, PyDict, PyTuple, type PyType, type PyValue } from "./objects";

/** Every builtin exception class by name (for the builtins module). */
export const exceptionTypes = new Map<string, PyType>();

function exc(name: string, base: PyType): PyType {
  const t = nativeType(name, base);
  exceptionTypes.set(name, t);
  return t;
}

exceptionTypes.set("BaseException", BaseExceptionType);
export const SystemExitType = exc("SystemExit", BaseExceptionType);
export const KeyboardInterruptType = exc("KeyboardInterrupt", BaseExceptionType);
export const GeneratorExitType = exc("GeneratorExit", BaseExceptionType);
export const ExceptionType = exc("Exception", BaseExceptionType);
export const StopIterationType = exc("StopIteration", ExceptionType);
export const StopAsyncIterationType = exc("StopAsyncIteration", ExceptionType);
export const ArithmeticErrorType = exc("ArithmeticError", ExceptionType);
export const FloatingPointErrorType = exc("FloatingPointError", ArithmeticErrorType);
export const OverflowErrorType = exc("OverflowError", ArithmeticErrorType);
export const ZeroDivisionErrorType = exc("ZeroDivisionError", ArithmeticErrorType);
export const AssertionErrorType = exc("AssertionError", ExceptionType);
export const AttributeErrorType = exc("AttributeError", ExceptionType);
export const BufferErrorType = exc("BufferError", ExceptionType);
export const EOFErrorType = exc("EOFError", ExceptionType);
export const ImportErrorType = exc("ImportError", ExceptionType);
export const ModuleNotFoundErrorType = exc("ModuleNotFoundError", ImportErrorType);
export const LookupErrorType = exc("LookupError", ExceptionType);
export const IndexErrorType = exc("IndexError", LookupErrorType);
export const KeyErrorType = exc("KeyError", LookupErrorType);
export const MemoryErrorType = exc("MemoryError", ExceptionType);
export const NameErrorType = exc("NameError", ExceptionType);
export const UnboundLocalErrorType = exc("UnboundLocalError", NameErrorType);
export const OSErrorType = exc("OSError", ExceptionType);
exceptionTypes.set("IOError", OSErrorType);
exceptionTypes.set("EnvironmentError", OSErrorType);
export const BlockingIOErrorType = exc("BlockingIOError", OSErrorType);
export const ChildProcessErrorType = exc("ChildProcessError", OSErrorType);
export const ConnectionErrorType = exc("ConnectionError", OSErrorType);
export const BrokenPipeErrorType = exc("BrokenPipeError", ConnectionErrorType);
export const ConnectionAbortedErrorType = exc("ConnectionAbortedError", ConnectionErrorType);
export const ConnectionRefusedErrorType = exc("ConnectionRefusedError", ConnectionErrorType);
export const ConnectionResetErrorType = exc("ConnectionResetError", ConnectionErrorType);
export const FileExistsErrorType = exc("FileExistsError", OSErrorType);
export const FileNotFoundErrorType = exc("FileNotFoundError", OSErrorType);
export const InterruptedErrorType = exc("InterruptedError", OSErrorType);
export const IsADirectoryErrorType = exc("IsADirectoryError", OSErrorType);
export const NotADirectoryErrorType = exc("NotADirectoryError", OSErrorType);
export const PermissionErrorType = exc("PermissionError", OSErrorType);
export const ProcessLookupErrorType = exc("ProcessLookupError", OSErrorType);
export const TimeoutErrorType = exc("TimeoutError", OSErrorType);
export const ReferenceErrorType = exc("ReferenceError", ExceptionType);
export const RuntimeErrorType = exc("RuntimeError", ExceptionType);
export const NotImplementedErrorType = exc("NotImplementedError", RuntimeErrorType);
export const RecursionErrorType = exc("RecursionError", RuntimeErrorType);
export const SyntaxErrorType = exc("SyntaxError", ExceptionType);
export const IndentationErrorType = exc("IndentationError", SyntaxErrorType);
export const TabErrorType = exc("TabError", IndentationErrorType);
export const SystemErrorType = exc("SystemError", ExceptionType);
export const TypeErrorType = exc("TypeError", ExceptionType);
export const ValueErrorType = exc("ValueError", ExceptionType);
export const UnicodeErrorType = exc("UnicodeError", ValueErrorType);
export const UnicodeDecodeErrorType = exc("UnicodeDecodeError", UnicodeErrorType);
export const UnicodeEncodeErrorType = exc("UnicodeEncodeError", UnicodeErrorType);
export const WarningType = exc("Warning", ExceptionType);
export const DeprecationWarningType = exc("DeprecationWarning", WarningType);
export const RuntimeWarningType = exc("RuntimeWarning", WarningType);
export const UserWarningType = exc("UserWarning", WarningType);

/** Creates an exception instance of a builtin or user class with the given args (no __init__ call). */
export function newException(type: PyType, args: PyValue[]): PyBaseException {
  const e = type.alloc!(type) as PyBaseException;
  e.args = new PyTuple(args);
  if (type.instanceDict) {
    e.dict = new PyDict();
  }
  if (osErrorFields !== null && type.isSubtypeOf(OSErrorType)) {
    osErrorFields(e, args);
  }
  return e;
}

let osErrorFields: ((e: PyBaseException, args: PyValue[]) => void) | null = null;
/** Installed by types/exceptions.ts: sets errno, strerror and filename of an OSError made in TypeScript. */
export function setOSErrorFields(f: (e: PyBaseException, args: PyValue[]) => void): void {
  osErrorFields = f;
}

/** An exception with one message argument, ready to throw. */
export const pyErr = (type: PyType, message: string): PyBaseException => newException(type, [message]);

export const typeError = (m: string): PyBaseException => pyErr(TypeErrorType, m);
export const valueError = (m: string): PyBaseException => pyErr(ValueErrorType, m);
export const indexError = (m: string): PyBaseException => pyErr(IndexErrorType, m);
export const attributeError = (m: string): PyBaseException => pyErr(AttributeErrorType, m);
export const nameError = (m: string): PyBaseException => pyErr(NameErrorType, m);
export const zeroDivision = (m: string): PyBaseException => pyErr(ZeroDivisionErrorType, m);
export const overflowError = (m: string): PyBaseException => pyErr(OverflowErrorType, m);
export const runtimeError = (m: string): PyBaseException => pyErr(RuntimeErrorType, m);
export const keyError = (key: PyValue): PyBaseException => newException(KeyErrorType, [key]);
export const stopIteration = (value?: PyValue): PyBaseException =>
  newException(StopIterationType, value === undefined ? [] : [value]);

/**
 * A construct Interleave does not simulate. Not a Python exception: `except` cannot catch it;
 * the run stops with an `unsupported` outcome naming the construct and the line.
 */
export class Unsupported extends Error {
  constructor(public what: string) {
    super(`${what} is not supported by Interleave`);
  }
}

/** Stops a run when a limit is reached (steps, virtual time, output). Not catchable by Python code. */
export class LimitReached extends Error {
  constructor(
    public limit: "step-limit" | "time-limit" | "output-limit",
    message: string,
  ) {
    super(message);
  }
}
