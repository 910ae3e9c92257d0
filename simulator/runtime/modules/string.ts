/**
 * The `string` module (CPython's Lib/string.py): the character-class constants, capwords and
 * Template. Template honours a subclass's `delimiter`, `idpattern`, `braceidpattern` and
 * `flags` class attributes, as CPython builds its pattern from them.
 */
import { builtin, defMethods, kwParams } from "../../vm/define";
import { typeError, valueError } from "../../vm/errors";
import { registerModule } from "../../vm/modules";
import { nativeType, None, ObjectType, PyDict, PyList, PyObject, type KwArgs, type PyValue } from "../../vm/objects";
import { callMethod, getAttr, getItem, str, truthy, typeName } from "../../vm/protocol";

const WHITESPACE = " \t\n\r\x0b\x0c";
const LOWER = "abcdefghijklmnopqrstuvwxyz";
const UPPER = LOWER.toUpperCase();
const DIGITS = "0123456789";
const PUNCTUATION = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~";

/** re.IGNORECASE's value, the default Template.flags. */
const IGNORECASE = 2;
const DEFAULT_IDPATTERN = "(?a:[_a-z][_a-z0-9]*)";

/** capwords(s, sep=None): `(sep or ' ').join(map(str.capitalize, s.split(sep)))`, through str's own methods. */
function capwords(args: PyValue[], kwargs: KwArgs | null): PyValue {
  const [s, sep] = kwParams("capwords", args, kwargs, ["s", "sep"]);
  if (s === undefined) {
    throw typeError("capwords() missing 1 required positional argument: 's'");
  }
  const words = callMethod(s, "split", [sep ?? None]) as PyList;
  const joiner = sep !== undefined && sep !== None && truthy(sep) ? sep : " ";
  return callMethod(joiner, "join", [new PyList(words.items.map((w) => callMethod(w, "capitalize", [])))]);
}

// ---------------------------------------------------------------- Template

const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\/-]/g, "\\$&");

/** A Python id pattern in JS syntax: `(?a:...)` (ASCII-only matching) is JS's default. */
const jsPattern = (p: string): string => (p.startsWith("(?a:") ? `(?:${p.slice(4)}` : p);

/** The Template class's pattern (Template.__init_subclass__) for the instance's class attributes. */
function templatePattern(self: PyValue): RegExp {
  const delim = getAttr(self, "delimiter");
  const id = getAttr(self, "idpattern");
  const braceId = getAttr(self, "braceidpattern");
  const flags = getAttr(self, "flags");
  if (typeof delim !== "string" || typeof id !== "string") {
    throw typeError("Template.delimiter and Template.idpattern must be str");
  }
  const d = escapeRegExp(delim);
  const bid = braceId === None ? id : str(braceId);
  const ignoreCase = typeof flags === "number" && (flags & IGNORECASE) !== 0;
  return new RegExp(`${d}(?:(${d})|(${jsPattern(id)})|\\{(${jsPattern(bid)})\\}|())`, ignoreCase ? "gi" : "g");
}

const templateText = (self: PyValue): string => {
  const t = getAttr(self, "template");
  if (typeof t !== "string") {
    throw typeError(`expected string or bytes-like object, got '${typeName(t)}'`);
  }
  return t;
};

/** str.splitlines(keepends=True)'s line breaks. */
const LINE_BREAK = /\r\n|[\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]/g;

/**
 * Template._invalid: "Invalid placeholder in string: line L, col C", where `i` is just past the
 * delimiter. `template[:i]` ends with the delimiter, so its last line is never empty.
 */
function invalidPlaceholder(template: string, i: number): never {
  let lineStart = 0;
  let lineno = 1;
  for (const m of template.slice(0, i).matchAll(LINE_BREAK)) {
    lineStart = m.index! + m[0].length;
    lineno++;
  }
  throw valueError(`Invalid placeholder in string: line ${lineno}, col ${i - lineStart}`);
}

/** substitute / safe_substitute: `mapping` then keywords (keywords win, as ChainMap(kws, mapping)). */
function substitute(name: string, safe: boolean): (args: PyValue[], kwargs: KwArgs | null) => PyValue {
  return (args, kwargs) => {
    if (args.length > 2) {
      throw typeError(`Template.${name}() takes from 1 to 2 positional arguments but ${args.length} were given`);
    }
    const self = args[0];
    const mapping = args[1];
    const lookup = (key: string): PyValue => {
      const kw = kwargs?.get(key);
      if (kw !== undefined) {
        return kw;
      }
      if (mapping === undefined) {
        return getItem(new PyDict(), key);
      }
      return getItem(mapping, key);
    };
    const template = templateText(self);
    return template.replace(templatePattern(self), (whole: string, escaped, named, braced, invalid, offset: number) => {
      const key = (named ?? braced) as string | undefined;
      if (key !== undefined) {
        if (!safe) {
          return str(lookup(key));
        }
        try {
          return str(lookup(key));
        } catch (e) {
          if (e instanceof PyObject && typeName(e) === "KeyError") {
            return whole;
          }
          throw e;
        }
      }
      if (escaped !== undefined) {
        return getAttr(self, "delimiter") as string;
      }
      if (invalid !== undefined && !safe) {
        invalidPlaceholder(template, offset + whole.length);
      }
      return whole;
    });
  };
}

export const TemplateType = nativeType("Template", ObjectType, (cls) => {
  const o = new PyObject(cls);
  o.dict = new PyDict();
  return o;
});
TemplateType.module = "string";
TemplateType.instanceDict = true;
TemplateType.dict!.setStr("delimiter", "$");
TemplateType.dict!.setStr("idpattern", DEFAULT_IDPATTERN);
TemplateType.dict!.setStr("braceidpattern", None);
TemplateType.dict!.setStr("flags", IGNORECASE);

defMethods(TemplateType, {
  __init__: (args, kwargs) => {
    const [template] = kwParams("Template.__init__", args.slice(1), kwargs, ["template"]);
    if (template === undefined) {
      throw typeError("Template.__init__() missing 1 required positional argument: 'template'");
    }
    (args[0] as PyObject).dict!.setStr("template", template);
    return None;
  },
  substitute: substitute("substitute", false),
  safe_substitute: substitute("safe_substitute", true),
  get_identifiers: (args) => {
    const ids: string[] = [];
    for (const m of templateText(args[0]).matchAll(templatePattern(args[0]))) {
      const key = m[2] ?? m[3];
      if (key !== undefined && !ids.includes(key)) {
        ids.push(key);
      }
    }
    return new PyList(ids);
  },
  is_valid: (args) => {
    for (const m of templateText(args[0]).matchAll(templatePattern(args[0]))) {
      if (m[4] !== undefined) {
        return false;
      }
    }
    return true;
  },
});

registerModule("string", (m) => {
  const d = m.dict!;
  d.setStr("whitespace", WHITESPACE);
  d.setStr("ascii_lowercase", LOWER);
  d.setStr("ascii_uppercase", UPPER);
  d.setStr("ascii_letters", LOWER + UPPER);
  d.setStr("digits", DIGITS);
  d.setStr("hexdigits", DIGITS + "abcdefABCDEF");
  d.setStr("octdigits", "01234567");
  d.setStr("punctuation", PUNCTUATION);
  d.setStr("printable", DIGITS + LOWER + UPPER + PUNCTUATION + WHITESPACE);
  d.setStr("capwords", builtin("capwords", capwords));
  d.setStr("Template", TemplateType);
});
