import { describe, expect, it } from "vitest";
import { isPackedReport, packReport, unpackReport } from "../../extension/packedReport";
import { isReport, parseHostMessage, parseWebviewMessage, toWire, type Controls } from "../../extension/protocol";
import { simulate } from "../../simulator/simulate";
import { syntheticReport } from "../e2e/syntheticReport";

const controls: Controls = { strategy: "timed", profile: "3.12", seed: 0, cores: 4, switchIntervalMs: 5, runs: 20 };

describe("webview -> host messages", () => {
  it("accepts each well-formed message", () => {
    expect(parseWebviewMessage({ type: "ready" })).toEqual({ type: "ready" });
    expect(parseWebviewMessage({ type: "reveal", span: { line: 3, col: 0, endLine: 3, endCol: 5 } })).toBeDefined();
    expect(parseWebviewMessage({ type: "scrub", time: 0.5 })).toEqual({ type: "scrub", time: 0.5 });
    expect(parseWebviewMessage({ type: "scrub", time: null })).toEqual({ type: "scrub", time: null });
    expect(parseWebviewMessage({ type: "run", controls })).toEqual({ type: "run", controls });
    expect(parseWebviewMessage({ type: "replay", schedule: "s1-5f", seed: 3 })).toBeDefined();
  });

  it("rejects unknown types, bad fields and out-of-range controls", () => {
    expect(parseWebviewMessage(null)).toBeUndefined();
    expect(parseWebviewMessage("ready")).toBeUndefined();
    expect(parseWebviewMessage({ type: "eval", code: "x" })).toBeUndefined();
    expect(parseWebviewMessage({ type: "reveal", span: { line: 0, col: 0, endLine: 0, endCol: 1 } })).toBeUndefined();
    expect(parseWebviewMessage({ type: "scrub", time: Number.NaN })).toBeUndefined();
    expect(parseWebviewMessage({ type: "run", controls: { ...controls, cores: 0 } })).toBeUndefined();
    expect(parseWebviewMessage({ type: "run", controls: { ...controls, profile: "2.7" } })).toBeUndefined();
    expect(parseWebviewMessage({ type: "replay", schedule: 5, seed: 1 })).toBeUndefined();
  });

  it("keeps only the known fields", () => {
    expect(parseWebviewMessage({ type: "ready", extra: "<script>" })).toEqual({ type: "ready" });
  });
});

describe("host -> webview messages", () => {
  it("accepts a Report from simulate() and a synthetic 100 000-event one", () => {
    const r = simulate("print('hi')\n");
    expect(isReport(r)).toBe(true);
    const big = syntheticReport(100_000);
    expect(big.events.length).toBe(100_000);
    expect(isReport(big)).toBe(true);
    const m = parseHostMessage(structuredClone(toWire({ type: "show", model: { report: big, document: null, label: "x", histogram: null }, controls })));
    expect(m?.type === "show" && m.model.report).toEqual(big);
  });

  it("rejects a Report with a malformed event or an unknown version", () => {
    const r = syntheticReport(10);
    expect(isReport({ ...r, version: 2 })).toBe(false);
    expect(isReport({ ...r, events: [...r.events, { kind: "x", time: "later", task: 0 }] })).toBe(false);
    expect(isReport({ ...r, findings: [{ kind: "race", severity: "fatal", message: "", locations: [] }] })).toBe(false);
    expect(parseHostMessage({ type: "busy", text: 3 })).toBeUndefined();
  });
});

describe("Reports from a newer runtime", () => {
  it("are still accepted with a finding kind or segment state this UI does not know", () => {
    const r = syntheticReport(10);
    const newer = {
      ...r,
      findings: [...r.findings, { kind: "starvation", severity: "warning", message: "m", locations: [] }],
      segments: [...r.segments, { task: 1, state: "parked", t0: 0, t1: 1 }],
      events: r.events.map((e, i) => ({ ...e, obj: 7, from: i > 0 ? i - 1 : undefined })),
    };
    expect(isReport(newer)).toBe(true);
  });
});

describe("packed Reports (the webview's wire format)", () => {
  it("round-trip exactly, absent fields staying absent", () => {
    const r = simulate("import threading\nt = threading.Thread(target=print, args=('x',))\nt.start()\nt.join()\n");
    expect(unpackReport(structuredClone(packReport(r)))).toEqual(r);
    const s = syntheticReport(2000);
    expect(unpackReport(packReport(s))).toEqual(JSON.parse(JSON.stringify(s)));
  });

  it("are rejected when a column's length or an index is off", () => {
    const p = packReport(syntheticReport(100));
    expect(isPackedReport(p)).toBe(true);
    expect(isPackedReport({ ...p, events: { ...p.events, task: p.events.task.slice(1) } })).toBe(false);
    const kind = p.events.kind.slice();
    kind[3] = p.strings.length;
    expect(isPackedReport({ ...p, events: { ...p.events, kind } })).toBe(false);
    expect(isPackedReport({ ...p, spans: Array.from(p.spans) })).toBe(false);
  });
});
