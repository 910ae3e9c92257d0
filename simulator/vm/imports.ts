/**
 * The import instructions (CPython's import_name, import_from, import_all_from) over the
 * per-run module table. Only registered modules exist; relative imports are not supported.
 */
import { ImportErrorType, ModuleNotFoundErrorType, pyErr, typeError, Unsupported } from "./errors";
import { hasModule } from "./modules";
import { REAL_MODULES } from "./moduleNames";
import { None, PyDict, PyModule, PyTuple, type PyValue } from "./objects";
import { genericGetAttr, getAttr, toArray } from "./protocol";
import { vm } from "./vm";

/** Imports a module and its parent packages, binding each child as an attribute of its parent. */
export function importModule(name: string): PyModule {
  const parts = name.split(".");
  let parent: PyModule | null = null;
  let m: PyModule | null = null;
  for (let i = 1; i <= parts.length; i++) {
    const sub = parts.slice(0, i).join(".");
    m = vm().importModule(sub);
    if (parent !== null) {
      parent.dict!.setStr(parts[i - 1], m);
    }
    parent = m;
  }
  return m!;
}

/** IMPORT_NAME: `import a.b` pushes `a`; with a from-list, `a.b` itself. */
export function importName(name: string, fromlist: PyValue, level: number, _globals: PyDict): PyValue {
  if (level > 0) {
    throw new Unsupported("relative imports");
  }
  if (name === "__main__") {
    const main = vm().modules.get("__main__");
    if (main) {
      return main;
    }
  }
  if (!hasModule(name) && !vm().modules.has(name)) {
    if (!REAL_MODULES.has(name.split(".")[0])) {
      const e = pyErr(ModuleNotFoundErrorType, `No module named '${name}'`);
      e.dict = new PyDict();
      e.dict.setStr("name", name);
      throw e;
    }
    throw new Unsupported(`the module '${name}'`);
  }
  const m = importModule(name);
  if (fromlist === None || (fromlist instanceof PyTuple && fromlist.items.length === 0)) {
    return vm().modules.get(name.split(".")[0])!;
  }
  return m;
}


/** IMPORT_FROM: an attribute of the module, or a submodule of a package. */
export function importFrom(module: PyValue, name: string): PyValue {
  const v = genericGetAttr(module, name);
  if (v !== undefined) {
    return v;
  }
  if (module instanceof PyModule) {
    const full = `${module.name}.${name}`;
    if (hasModule(full)) {
      return importModule(full);
    }
    throw pyErr(ImportErrorType, `cannot import name '${name}' from '${module.name}' (unknown location)`);
  }
  return getAttr(module, name);
}

/** `from m import *`: __all__ if defined, else every name not starting with an underscore. */
export function importStar(module: PyValue, into: PyDict): void {
  if (!(module instanceof PyModule)) {
    throw typeError("import * requires a module");
  }
  const all = module.dict!.getStr("__all__");
  const names = all !== undefined ? toArray(all).map(String) : module.dict!.keyList().map(String).filter((n) => !n.startsWith("_"));
  for (const n of names) {
    into.setStr(n, getAttr(module, n));
  }
}
