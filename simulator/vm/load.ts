/**
 * Loads every builtin type's behaviour and every library module (their files register
 * themselves when imported). Import this once before running anything.
 */
import "./types/object";
import "./types/function";
import "./types/exceptions";
import "./types/generator";
import "./types/numeric";
import "./types/str";
import "./types/bytes";
import "./types/list";
import "./types/tuple";
import "./types/dict";
import "./types/set";
import "./types/range";
import "./types/slice";
import "./types/builtinIters";
import "./builtins";
import "../runtime/modules/index";
