import { describe, expect, it } from "vitest";
import { matchFlows } from "../../extension/flows";
import { histogramOf } from "../../extension/exploreSeeds";
import { afterText, gilFigure } from "../../extension/findingStyle";
import { toChromeTrace } from "../../extension/perfetto";
import { shiftReport, snippetOf } from "../../extension/snippet";
import { PositionIndex } from "../../extension/whereAt";
import { buildLayout, fitView, forEachVisibleSegment, forEachVisibleTick, panBy, zoomAt } from "../../media/timelineLayout";
import { simulate } from "../../simulator/simulate";
import { syntheticReport } from "../e2e/syntheticReport";

describe("timeline layout", () => {
  const report = syntheticReport(100_000);
  const layout = buildLayout(report);

  it("has a lane per task, processes first with their threads under them", () => {
    expect(layout.lanes.map((l) => [l.task.name, l.indent])).toEqual([
      ["MainProcess", 0],
      ["Thread-1 (worker)", 1],
      ["Thread-2 (worker)", 1],
      ["Thread-3 (worker)", 1],
      ["Process-1", 0],
    ]);
    expect(layout.lanes.reduce((n, l) => n + l.evT.length, 0)).toBe(100_000);
  });

  it("draws at most one segment and one tick per pixel column, however many there are", () => {
    const width = 1000;
    const v = fitView(layout, width);
    for (const lane of layout.lanes) {
      let last = -1;
      const n = forEachVisibleSegment(lane, v, width, (_i, x0) => {
        expect(Math.floor(x0)).toBeGreaterThanOrEqual(last);
        last = Math.floor(x0) + 1;
      });
      expect(n).toBeLessThanOrEqual(width + 1);
      expect(forEachVisibleTick(lane.evT, v, width, () => undefined)).toBeLessThanOrEqual(width + 1);
    }
  });

  it("draws every segment once zoomed in far enough, and only the visible ones", () => {
    const width = 1000;
    let v = fitView(layout, width);
    v = zoomAt(v, 5000, width / 2, layout, width);
    const lane = layout.lanes[1];
    const seen: number[] = [];
    forEachVisibleSegment(lane, v, width, (i) => seen.push(i));
    expect(seen.length).toBeGreaterThan(0);
    const tEnd = v.start + width / v.scale;
    const expected = [...lane.segT0.keys()].filter((i) => lane.segT1[i] >= v.start && lane.segT0[i] <= tEnd);
    expect(seen).toEqual(expected);
  });

  it("zooms around the pointer and stops panning at the ends", () => {
    const width = 800;
    const v = fitView(layout, width);
    const z = zoomAt(v, 4, 200, layout, width);
    expect(z.start + 200 / z.scale).toBeCloseTo(v.start + 200 / v.scale, 9);
    expect(zoomAt(v, 0.01, 0, layout, width).scale).toBeCloseTo(v.scale, 9);
    const far = panBy(z, 1e9, layout, width);
    expect(far.start).toBeGreaterThanOrEqual(layout.tMin - (layout.tMax - layout.tMin) * 0.05 - 1e-12);
  });

  it("pairs lock releases with the next acquire by another task, and queue puts with gets in order", () => {
    const ev = (kind: string, time: number, task: number, detail: string) => ({ kind, time, task, detail });
    const flows = matchFlows([
      ev("lock-acquire", 0, 1, "a"),
      ev("lock-release", 1, 1, "a"),
      ev("lock-acquire", 2, 2, "a"),
      ev("queue-put", 3, 2, "q"),
      ev("queue-put", 4, 2, "q"),
      ev("queue-get", 5, 1, "q"),
      ev("lock-release", 6, 2, "a"),
      ev("lock-acquire", 7, 2, "a"),
    ]);
    expect(flows).toEqual([
      { kind: "lock", from: 1, to: 2 },
      { kind: "queue", from: 3, to: 5 },
    ]);
  });
});

describe("editor-side pure logic", () => {
  it("runs a selection dedented and maps positions back", () => {
    const s = snippetOf(["    x = 1", "    y = x / 0", ""], 10);
    expect(s.source).toBe("x = 1\ny = x / 0\n\n");
    const r = simulate(s.source);
    expect(r.findings[0].locations[0].line).toBe(2);
    const shifted = shiftReport(r, s.lineOffset, s.colOffset);
    expect(shifted.findings[0].locations[0].line).toBe(11);
    expect(shifted.findings[0].locations[0].col).toBe(r.findings[0].locations[0].col + 4);
  });

  it("reads the GIL figure of a gil-serialized finding", () => {
    const f = syntheticReport(10).findings[2];
    expect(gilFigure(f)).toBe("1.04×");
    expect(afterText(f)).toContain("1.04×");
  });

  it("groups explored runs by outcome and says what it did", () => {
    const a = simulate("print(1)\n");
    const b = simulate("print(2)\n");
    const h = histogramOf([{ seed: 0, report: a }, { seed: 1, report: b }, { seed: 2, report: b }], "random", 5);
    expect(h.buckets.map((x) => [x.stdout, x.count, x.seed])).toEqual([["2\n", 2, 1], ["1\n", 1, 0]]);
    expect(h.note).toMatch(/not the systematic explorer/);
  });

  it("finds where each task was at a time", () => {
    const r = syntheticReport(200);
    const idx = new PositionIndex(r);
    const t = r.segments[10].t0 + 1e-9;
    const at = idx.at(t);
    expect(at.some((p) => p.task.id === r.segments[10].task && p.span.line === r.segments[10].span?.line)).toBe(true);
  });

  it("exports Chrome trace JSON with thread names, nested X events and flow pairs", () => {
    const r = syntheticReport(1000);
    const t = toChromeTrace(r, "synthetic.py");
    expect(t.traceEvents.filter((e) => e.ph === "M" && e.name === "thread_name").length).toBe(r.tasks.length);
    expect(t.traceEvents.filter((e) => e.ph === "X").length).toBe(r.segments.length);
    const s = t.traceEvents.filter((e) => e.ph === "s").length;
    expect(s).toBeGreaterThan(0);
    expect(t.traceEvents.filter((e) => e.ph === "f").length).toBe(s);
  });
});

describe("flows from recorded synchronization edges", () => {
  it("uses TraceEvent.from when the runtime records it", () => {
    const events = [
      { kind: "spawn", time: 0, task: 0 },
      { kind: "start", time: 1, task: 1, from: 0 },
      { kind: "lock-release", time: 2, task: 1, detail: "a" },
      { kind: "lock-acquire", time: 3, task: 0, detail: "a", from: 2 },
      { kind: "queue-get", time: 4, task: 0, from: 3 },
    ];
    expect(matchFlows(events)).toEqual([
      { kind: "lifecycle", from: 0, to: 1 },
      { kind: "lock", from: 2, to: 3 },
    ]);
  });
});

describe("axis labels", () => {
  it("use the step's unit and enough decimals to tell ticks apart", async () => {
    const { formatTick } = await import("../../extension/timeFormat");
    expect(formatTick(0.1762384, 1e-6)).toBe("176238 µs");
    expect(formatTick(0.17624, 2e-7)).toBe("176240.0 µs");
    expect(formatTick(0.2, 0.1)).toBe("0.2 s");
    expect(formatTick(0.25, 0.05)).toBe("250 ms");
    expect(formatTick(1.5, 0.5)).toBe("1.5 s");
  });
});
