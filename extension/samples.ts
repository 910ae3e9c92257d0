/** The tutorials' classics, shipped under media/samples/, opened as untitled Python documents. */
import * as vscode from "vscode";

export interface Sample {
  id: string;
  file: string;
  label: string;
  detail: string;
}

export const SAMPLES: Sample[] = [
  { id: "lost-update", file: "lost_update.py", label: "Lost update", detail: "Two threads add to a shared balance without a lock" },
  { id: "lost-update-lock", file: "lost_update_lock.py", label: "Lost update, with a lock", detail: "The same, the read-modify-write under threading.Lock" },
  { id: "lock-order-deadlock", file: "lock_order_deadlock.py", label: "Lock-order deadlock", detail: "Two threads take two locks in opposite orders" },
  { id: "cpu-threads-vs-processes", file: "cpu_threads_vs_processes.py", label: "CPU-bound threads against processes", detail: "The GIL serializes threads; processes run in parallel" },
  { id: "producer-consumer", file: "producer_consumer.py", label: "Producer/consumer queue", detail: "queue.Queue between a producer and two consumers" },
];

/** Opens sample `id` (or the one picked from a list) in a new untitled editor; returns its document. */
export async function openSample(extensionUri: vscode.Uri, id?: string): Promise<vscode.TextDocument | undefined> {
  let sample = SAMPLES.find((s) => s.id === id);
  if (sample === undefined) {
    const picked = await vscode.window.showQuickPick(
      SAMPLES.map((s) => ({ label: s.label, detail: s.detail, sample: s })),
      { title: "Interleave: Open Sample", placeHolder: "A classic concurrency snippet to run" },
    );
    sample = picked?.sample;
  }
  if (sample === undefined) {
    return undefined;
  }
  const bytes = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(extensionUri, "media", "samples", sample.file));
  const doc = await vscode.workspace.openTextDocument({ language: "python", content: new TextDecoder().decode(bytes) });
  await vscode.window.showTextDocument(doc);
  return doc;
}
