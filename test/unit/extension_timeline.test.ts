import { describe, expect, it } from "vitest";
import { matchFlows } from "../../extension/flows";
import { histogramOf } from "../../extension/histogram";
import { explore } from "../../simulator/explore";
import { afterText, gilFigure, lineNotes } from "../../extension/findingStyle";
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

  it("puts one note per line at its end, with the roles played there", () => {
    const notes = lineNotes(syntheticReport(10).findings);
    expect(notes.find((n) => n.line === 13)?.text).toBe("  ⚠ race: read (Thread-1 (worker))");
    expect(notes.find((n) => n.line === 28)?.text).toBe("  ‖ GIL-serialized: 1.04× parallelism");
    expect(notes.filter((n) => n.line === 20)).toHaveLength(1);
  });

  it("reads the GIL figure of a gil-serialized finding", () => {
    const f = syntheticReport(10).findings[2];
    expect(gilFigure(f)).toBe("1.04×");
    expect(afterText(f)).toContain("1.04×");
    const runtime = { ...f, message: "4 CPU-bound threads of MainProcess ran one at a time: parallelism 1.00x on 4 cores, and they spent 75% of their time waiting for the GIL." };
    expect(gilFigure(runtime)).toBe("1.00×");
    const io = { ...f, message: "4 I/O-bound threads of MainProcess overlapped their waits: 12.00 s of waiting took 3.00 s." };
    expect(afterText(io)).toBe("  ‖ 4 I/O-bound threads of MainProcess overlapped their waits");
  });

  it("shows explore()'s outcomes with a schedule token each, and says what it did", () => {
    const h = histogramOf(explore("print(1)\n", { runs: 3 }));
    expect(h.runs).toBe(3);
    expect(h.buckets.map((x) => [x.stdout, x.count])).toEqual([["1\n", 3]]);
    expect(h.buckets[0].schedule).toMatch(/^il1\./);
    expect(h.note).toMatch(/3 schedules explored by explore\(\)/);
  });

  it("finds where each task was at a time", () => {
    const r = syntheticReport(200);
    const idx = new PositionIndex(r);
    const t = r.segments[10].t0 + 1e-9;
    const at = idx.at(t);
    expect(at.some((p) => p.task.id === r.segments[10].task && p.span.line === r.segments[10].span?.line)).toBe(true);
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
