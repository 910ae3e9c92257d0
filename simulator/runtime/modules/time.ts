/**
 * The `time` module over the run's virtual clock (DESIGN.md §3): time() starts at the fixed
 * epoch, sleep() advances virtual time, and the calendar functions (Modules/timemodule.c
 * over glibc) work in UTC, the simulated machine's time zone. No real clock is read.
 */
import { arity, builtin, kwParams } from "../../vm/define";
import { overflowError, typeError, valueError } from "../../vm/errors";
import { currentMachine } from "../machine";
import { registerModule } from "../../vm/modules";
import { None, normInt, PyFloat, PyTuple, type PyValue } from "../../vm/objects";
import { getAttrOpt, toArray, typeName } from "../../vm/protocol";
import { EPOCH_S, vm } from "../../vm/vm";
import { structSeqValue, structSequence } from "./collections";

export const StructTimeType = structSequence(
  "time.struct_time",
  ["tm_year", "tm_mon", "tm_mday", "tm_hour", "tm_min", "tm_sec", "tm_wday", "tm_yday", "tm_isdst", "tm_zone", "tm_gmtoff"],
  9,
);

const DAY_NAMES = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];
const MONTH_NAMES = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];

// ---------------------------------------------------------------- the calendar (proleptic Gregorian, UTC)

/** Days since 1970-01-01 of a civil date (H. Hinnant's days_from_civil). */
function daysFromCivil(y: number, m: number, d: number): number {
  y -= m <= 2 ? 1 : 0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** The civil date of a day number (civil_from_days). */
function civilFromDays(z: number): [number, number, number] {
  z += 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return [yoe + era * 400 + (m <= 2 ? 1 : 0), m, d];
}

/** A broken-down time: struct_time's nine fields plus its zone. */
interface Tm {
  year: number;
  mon: number;
  mday: number;
  hour: number;
  min: number;
  sec: number;
  /** Monday is 0. */
  wday: number;
  /** 1-based. */
  yday: number;
  isdst: number;
  zone: string;
}

function breakDown(secs: number, zone: string): Tm {
  const days = Math.floor(secs / 86400);
  const rem = secs - days * 86400;
  const [year, mon, mday] = civilFromDays(days);
  return {
    year,
    mon,
    mday,
    hour: Math.floor(rem / 3600),
    min: Math.floor((rem % 3600) / 60),
    sec: rem % 60,
    wday: (((days + 3) % 7) + 7) % 7,
    yday: days - daysFromCivil(year, 1, 1) + 1,
    isdst: 0,
    zone,
  };
}

const tmValue = (tm: Tm): PyTuple =>
  structSeqValue(StructTimeType, [tm.year, tm.mon, tm.mday, tm.hour, tm.min, tm.sec, tm.wday, tm.yday, tm.isdst, tm.zone, 0]);

/** A seconds argument (None: now), floored to whole seconds as _PyTime_ObjectToTime_t does. */
function seconds(v: PyValue | undefined): number {
  if (v === undefined || v === None) {
    return Math.floor(vm().now());
  }
  if (v instanceof PyFloat) {
    if (Number.isNaN(v.v)) {
      throw valueError("Invalid value NaN (not a number)");
    }
    if (!Number.isFinite(v.v) || Math.abs(v.v) > 1e17) {
      throw overflowError("timestamp out of range for platform time_t");
    }
    return Math.floor(v.v);
  }
  if (typeof v === "bigint") {
    throw overflowError("timestamp out of range for platform time_t");
  }
  if (typeof v === "number" || typeof v === "boolean") {
    return Number(v);
  }
  throw typeError(`'${typeName(v)}' object cannot be interpreted as an integer`);
}

/** A struct_time or 9-tuple argument (gettmarg), with CPython's range checks (checktm). */
function tmArg(v: PyValue | undefined, fn: string): Tm {
  if (v === undefined || v === None) {
    return breakDown(Math.floor(vm().now()), "UTC");
  }
  if (!(v instanceof PyTuple)) {
    throw typeError("Tuple or struct_time argument required");
  }
  const items = toArray(v);
  if (items.length !== 9) {
    throw typeError(`${fn}(): illegal time tuple argument`);
  }
  const n = items.map((x) => {
    if (typeof x !== "number" && typeof x !== "boolean" && typeof x !== "bigint") {
      throw typeError(`'${typeName(x)}' object cannot be interpreted as an integer`);
    }
    return Number(x);
  });
  const zoneAttr = v.cls === StructTimeType ? getAttrOpt(v, "tm_zone") : undefined;
  const tm: Tm = {
    year: n[0],
    mon: n[1] === 0 ? 1 : n[1],
    mday: n[2] === 0 ? 1 : n[2],
    hour: n[3],
    min: n[4],
    sec: n[5],
    wday: n[6],
    yday: n[7] === 0 ? 1 : n[7],
    isdst: n[8],
    zone: typeof zoneAttr === "string" ? zoneAttr : "UTC",
  };
  const check = (ok: boolean, what: string): void => {
    if (!ok) {
      throw valueError(`${what} out of range`);
    }
  };
  check(tm.mon >= 1 && tm.mon <= 12, "month");
  check(tm.mday >= 1 && tm.mday <= 31, "day of month");
  check(tm.hour >= 0 && tm.hour <= 23, "hour");
  check(tm.min >= 0 && tm.min <= 59, "minute");
  check(tm.sec >= 0 && tm.sec <= 61, "seconds");
  check(tm.wday >= -1, "day of week");
  check(tm.yday >= 1 && tm.yday <= 366, "day of year");
  tm.wday = ((tm.wday % 7) + 7) % 7;
  return tm;
}

/** timegm: the epoch seconds of a broken-down UTC time. */
const epochOf = (tm: Tm): number => daysFromCivil(tm.year, tm.mon, tm.mday) * 86400 + tm.hour * 3600 + tm.min * 60 + tm.sec;

/** ISO 8601 year and week (%G, %V): the week belongs to the year of its Thursday. */
function isoWeek(tm: Tm): [number, number] {
  const day = daysFromCivil(tm.year, tm.mon, tm.mday);
  const thursday = day - tm.wday + 3;
  const [y] = civilFromDays(thursday);
  return [y, Math.floor((thursday - daysFromCivil(y, 1, 1)) / 7) + 1];
}

const pad = (n: number, width: number, fill: string): string => String(n).padStart(width, fill);

/** asctime's layout: "Thu Jan  1 00:00:00 2026". */
const asctime = (tm: Tm): string =>
  `${DAY_NAMES[tm.wday].slice(0, 3)} ${MONTH_NAMES[tm.mon - 1].slice(0, 3)} ${pad(tm.mday, 2, " ")} ${pad(tm.hour, 2, "0")}:${pad(tm.min, 2, "0")}:${pad(tm.sec, 2, "0")} ${tm.year}`;

/** glibc's strftime in the C locale, with the `-` (no padding), `_` (spaces) and `0` flags. */
function strftime(format: string, tm: Tm): string {
  const sundayWday = (tm.wday + 1) % 7;
  const yday0 = tm.yday - 1;
  const hour12 = tm.hour % 12 === 0 ? 12 : tm.hour % 12;
  return format.replace(/%([-_0^#]?)([a-zA-Z%])/g, (whole, flag: string, c: string) => {
    const num = (n: number, width: number, fill = "0"): string => {
      if (flag === "-") {
        return String(n);
      }
      return pad(n, width, flag === "_" ? " " : flag === "0" ? "0" : fill);
    };
    const text = (s: string): string => (flag === "^" ? s.toUpperCase() : s);
    switch (c) {
      case "a":
        return text(DAY_NAMES[tm.wday].slice(0, 3));
      case "A":
        return text(DAY_NAMES[tm.wday]);
      case "b":
      case "h":
        return text(MONTH_NAMES[tm.mon - 1].slice(0, 3));
      case "B":
        return text(MONTH_NAMES[tm.mon - 1]);
      case "c":
        return asctime(tm);
      case "C":
        return num(Math.floor(tm.year / 100), 2);
      case "d":
        return num(tm.mday, 2);
      case "D":
        return strftime("%m/%d/%y", tm);
      case "e":
        return num(tm.mday, 2, " ");
      case "F":
        return strftime("%Y-%m-%d", tm);
      case "G":
        return String(isoWeek(tm)[0]);
      case "g":
        return num(isoWeek(tm)[0] % 100, 2);
      case "H":
        return num(tm.hour, 2);
      case "I":
        return num(hour12, 2);
      case "j":
        return num(tm.yday, 3);
      case "k":
        return num(tm.hour, 2, " ");
      case "l":
        return num(hour12, 2, " ");
      case "m":
        return num(tm.mon, 2);
      case "M":
        return num(tm.min, 2);
      case "n":
        return "\n";
      case "p":
        return tm.hour < 12 ? "AM" : "PM";
      case "P":
        return tm.hour < 12 ? "am" : "pm";
      case "r":
        return strftime("%I:%M:%S %p", tm);
      case "R":
        return strftime("%H:%M", tm);
      case "s":
        return String(epochOf(tm));
      case "S":
        return num(tm.sec, 2);
      case "t":
        return "\t";
      case "T":
        return strftime("%H:%M:%S", tm);
      case "u":
        return String(tm.wday + 1);
      case "U":
        return num(Math.floor((yday0 + 7 - sundayWday) / 7), 2);
      case "V":
        return num(isoWeek(tm)[1], 2);
      case "w":
        return String(sundayWday);
      case "W":
        return num(Math.floor((yday0 + 7 - tm.wday) / 7), 2);
      case "x":
        return strftime("%m/%d/%y", tm);
      case "X":
        return strftime("%H:%M:%S", tm);
      case "y":
        return num(tm.year % 100, 2);
      case "Y":
        return String(tm.year);
      case "z":
        return "+0000";
      case "Z":
        return tm.zone;
      case "%":
        return "%";
      default:
        return whole;
    }
  });
}

// ---------------------------------------------------------------- the module

/** A float of seconds from the clock; *_ns variants give integer nanoseconds. */
const nanos = (s: number): number | bigint => normInt(BigInt(Math.round(s * 1e9)));

registerModule("time", (m) => {
  const d = m.dict!;
  const def = (name: string, fn: (args: PyValue[]) => PyValue): void => {
    d.setStr(name, builtin(name, fn));
  };
  const clock = (name: string, read: () => number): void => {
    def(name, (args) => {
      arity(name, args.length, 0);
      return new PyFloat(read());
    });
    def(`${name}_ns`, (args) => {
      arity(`${name}_ns`, args.length, 0);
      return nanos(read());
    });
  };
  clock("monotonic", () => vm().clock);
  clock("perf_counter", () => vm().clock);
  clock("process_time", () => currentMachine()?.cpuTime("process") ?? vm().clock);
  clock("thread_time", () => currentMachine()?.cpuTime("thread") ?? vm().clock);
  def("time", (args) => {
    arity("time", args.length, 0);
    return new PyFloat(vm().now());
  });
  def("time_ns", (args) => {
    arity("time_ns", args.length, 0);
    return normInt(BigInt(EPOCH_S) * 1_000_000_000n + BigInt(Math.round(vm().clock * 1e9)));
  });
  def("sleep", (args) => {
    arity("sleep", args.length, 1);
    const v = args[0];
    let s: number;
    if (v instanceof PyFloat) {
      s = v.v;
    } else if (typeof v === "number" || typeof v === "boolean" || typeof v === "bigint") {
      s = Number(v);
    } else {
      throw typeError(`'${typeName(v)}' object cannot be interpreted as an integer`);
    }
    if (Number.isNaN(s)) {
      throw valueError("Invalid value NaN (not a number)");
    }
    if (s < 0) {
      throw valueError("sleep length must be non-negative");
    }
    const m = currentMachine();
    if (m !== null) {
      return m.sleep(s);
    }
    vm().sleep(s);
    return None;
  });
  def("gmtime", (args) => {
    arity("gmtime", args.length, 0, 1);
    return tmValue(breakDown(seconds(args[0]), "GMT"));
  });
  def("localtime", (args) => {
    arity("localtime", args.length, 0, 1);
    return tmValue(breakDown(seconds(args[0]), "UTC"));
  });
  def("mktime", (args) => {
    arity("mktime", args.length, 1);
    return new PyFloat(epochOf(tmArg(args[0], "mktime")));
  });
  def("asctime", (args) => {
    arity("asctime", args.length, 0, 1);
    return asctime(tmArg(args[0], "asctime"));
  });
  def("ctime", (args) => {
    arity("ctime", args.length, 0, 1);
    return asctime(breakDown(seconds(args[0]), "UTC"));
  });
  d.setStr(
    "strftime",
    builtin("strftime", (args, kwargs) => {
      const [format, t] = kwParams("strftime", args, kwargs, ["format", "tuple"]);
      if (typeof format !== "string") {
        throw typeError(`strftime() argument 1 must be str, not ${typeName(format ?? None)}`);
      }
      return strftime(format, tmArg(t, "strftime"));
    }),
  );
  d.setStr("struct_time", StructTimeType);
  d.setStr("timezone", 0);
  d.setStr("altzone", 0);
  d.setStr("daylight", 0);
  d.setStr("tzname", new PyTuple(["UTC", "UTC"]));
});
