/**
 * The registry of importable modules. A module is implemented either in TypeScript (an
 * initializer that fills the module object) or in Python (source compiled and run by the
 * simulator itself, for library code that is plain Python in CPython too: dataclasses,
 * contextlib, ...). `import` instantiates a module once per run (sys.modules is per-run
 * state). Importing a name that is not registered stops the run with an `unsupported`
 * outcome.
 */
import { PyModule } from "./objects";

/** Fills a fresh module object with its functions, classes and constants. */
export type ModuleInit = (m: PyModule) => void;

type Entry = { kind: "native"; init: ModuleInit } | { kind: "python"; source: string; init?: ModuleInit };

const registry = new Map<string, Entry>();

/** Registers a module implemented in TypeScript, by its dotted name (`os.path`, `concurrent.futures`). */
export function registerModule(name: string, init: ModuleInit): void {
  registry.set(name, { kind: "native", init });
}

/**
 * Registers a module written in Python. `init`, if given, runs first (to provide native
 * helpers the Python code imports from its own namespace).
 */
export function registerPythonModule(name: string, source: string, init?: ModuleInit): void {
  registry.set(name, { kind: "python", source, init });
}

export function hasModule(name: string): boolean {
  return registry.has(name);
}

/** Runs Python source in a module's namespace; installed by the interpreter (avoids an import cycle). */
let execSource: (m: PyModule, source: string) => void = () => {
  throw new Error("Python module loader not installed");
};

export function setPythonModuleLoader(f: (m: PyModule, source: string) => void): void {
  execSource = f;
}

/**
 * Creates and initializes a module (the caller caches it per run). `cache` is called before
 * a Python module's body runs, so that circular imports see the partly initialized module.
 */
export function instantiateModule(name: string, cache: (m: PyModule) => void): PyModule | undefined {
  const entry = registry.get(name);
  if (entry === undefined) {
    return undefined;
  }
  const m = new PyModule(name);
  cache(m);
  entry.init?.(m);
  if (entry.kind === "python") {
    m.dict!.setStr("__file__", `<stdlib>/${name.replace(/\./g, "/")}.py`);
    execSource(m, entry.source);
  }
  return m;
}
