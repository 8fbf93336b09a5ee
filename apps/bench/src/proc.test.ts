import { spawn } from "node:child_process";
import { once } from "node:events";
import { describe, expect, it } from "vitest";
import { offMainThreadPercent, threadSplit } from "./proc";

const onLinux = process.platform === "linux";

describe("offMainThreadPercent", () => {
  it("is the share of the processes' CPU between two readings that ran outside their main threads", () => {
    const before = [
      { processMicros: 1_000, mainThreadMicros: 800 },
      { processMicros: 5_000, mainThreadMicros: 5_000 },
    ];
    const after = [
      { processMicros: 4_000, mainThreadMicros: 2_000 },
      { processMicros: 6_000, mainThreadMicros: 6_000 },
    ];
    // 4,000 µs in all, of which 1,200 + 1,000 on main threads: 1,800 off them.
    expect(offMainThreadPercent(before, after)).toBeCloseTo(45);
  });

  it("skips a process missing from either reading, and is null when nothing was read or used", () => {
    const one = { processMicros: 100, mainThreadMicros: 100 };
    const later = { processMicros: 300, mainThreadMicros: 150 };
    expect(offMainThreadPercent([one, null], [later, later])).toBeCloseTo(75);
    expect(offMainThreadPercent([null], [later])).toBeNull();
    expect(offMainThreadPercent([one], [one])).toBeNull();
    expect(offMainThreadPercent([], [])).toBeNull();
  });
});

describe.runIf(onLinux)("threadSplit", () => {
  it("tells a process's main thread from the rest: a child that burns CPU on a worker thread", async () => {
    // The main thread idles while a worker spins until told to stop.
    const script = `
      const { Worker } = require("node:worker_threads");
      const worker = new Worker("const end = Date.now() + 60000; while (Date.now() < end) {}", { eval: true });
      worker.on("online", () => process.stdout.write("online\\n"));
      process.stdin.on("data", () => process.exit(0));
    `;
    const child = spawn(process.execPath, ["-e", script], { stdio: ["pipe", "pipe", "inherit"] });
    try {
      await once(child.stdout, "data");
      const pid = child.pid!;
      const before = threadSplit(pid);
      expect(before).not.toBeNull();
      await expect
        .poll(() => offMainThreadPercent([before], [threadSplit(pid)]), { timeout: 10_000 })
        .toBeGreaterThan(80);
      expect(threadSplit(-1)).toBeNull();
    } finally {
      child.stdin.end("stop\n");
      if (child.exitCode === null) await once(child, "exit");
    }
  });
});
