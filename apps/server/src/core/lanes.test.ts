import { describe, expect, it } from "vitest";
import { FakeClock } from "./clock";
import { Lanes } from "./lanes";

/** An operation the test finishes by hand, recording when it started and ended. */
function gate(log: string[], name: string) {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return {
    open,
    run: async () => {
      log.push(`${name}+`);
      await opened;
      log.push(`${name}-`);
      return name;
    },
  };
}

/** Let every queued promise reaction run. */
const settle = () => new Promise<void>((resolve) => setImmediate(resolve));

describe("Lanes", () => {
  it("runs operations of one lane in order, and of different lanes side by side", async () => {
    const lanes = new Lanes(new FakeClock(), 4);
    const log: string[] = [];
    const a1 = gate(log, "a1");
    const a2 = gate(log, "a2");
    const b1 = gate(log, "b1");
    const done = [lanes.run(["a"], a1.run), lanes.run(["a"], a2.run), lanes.run(["b"], b1.run)];
    await settle();
    expect(log).toEqual(["a1+", "b1+"]);
    b1.open();
    a1.open();
    await settle();
    expect(log).toEqual(["a1+", "b1+", "b1-", "a1-", "a2+"]);
    a2.open();
    expect(await Promise.all(done)).toEqual(["a1", "a2", "b1"]);
  });

  it("makes an operation on several lanes wait for each, and the next of each wait for it", async () => {
    const lanes = new Lanes(new FakeClock(), 4);
    const log: string[] = [];
    const a = gate(log, "a");
    const b = gate(log, "b");
    const ab = gate(log, "ab");
    const b2 = gate(log, "b2");
    const done = [
      lanes.run(["a"], a.run),
      lanes.run(["b"], b.run),
      lanes.run(["a", "b"], ab.run),
      lanes.run(["b"], b2.run),
    ];
    await settle();
    expect(log).toEqual(["a+", "b+"]);
    a.open();
    await settle();
    expect(log).not.toContain("ab+");
    b.open();
    await settle();
    expect(log.slice(-1)).toEqual(["ab+"]);
    ab.open();
    await settle();
    expect(log.slice(-2)).toEqual(["ab-", "b2+"]);
    b2.open();
    await Promise.all(done);
  });

  it("runs at most `concurrency` at once; the rest start as slots free, oldest first", async () => {
    const lanes = new Lanes(new FakeClock(), 2);
    const log: string[] = [];
    const gates = ["p", "q", "r", "s"].map((name) => gate(log, name));
    const done = gates.map((g, i) => lanes.run([`lane${i}`], g.run));
    await settle();
    expect(log).toEqual(["p+", "q+"]);
    gates[1]!.open();
    await settle();
    expect(log).toEqual(["p+", "q+", "q-", "r+"]);
    for (const g of gates) g.open();
    await Promise.all(done);
    expect(log.filter((entry) => entry.endsWith("+"))).toEqual(["p+", "q+", "r+", "s+"]);
  });

  it("with a concurrency of 1, runs everything in the order it was queued, whatever the lanes", async () => {
    const lanes = new Lanes(new FakeClock(), 1);
    const log: string[] = [];
    const a = gate(log, "a");
    const b = gate(log, "b");
    const done = [lanes.run(["x"], a.run), lanes.run(["y"], b.run)];
    await settle();
    expect(log).toEqual(["a+"]);
    a.open();
    b.open();
    await Promise.all(done);
    expect(log).toEqual(["a+", "a-", "b+", "b-"]);
  });

  it("tells how long the oldest operation not yet started has waited, and waits for all on idle", async () => {
    const clock = new FakeClock();
    const lanes = new Lanes(clock, 1);
    const log: string[] = [];
    const first = gate(log, "first");
    const second = gate(log, "second");
    const queuedAt = clock.now();
    const done = [lanes.run(["x"], first.run)];
    clock.advance(10);
    done.push(lanes.run(["x"], second.run));
    clock.advance(10);
    await settle();
    // The first is running; the second has waited since it was queued.
    expect(lanes.oldestWaiting()).toBe(queuedAt + 10);
    let idle = false;
    const whenIdle = lanes.idle().then(() => (idle = true));
    first.open();
    await settle();
    expect(lanes.oldestWaiting()).toBeUndefined();
    expect(idle).toBe(false);
    second.open();
    await whenIdle;
    expect(idle).toBe(true);
    await Promise.all(done);
  });

  it("keeps going after an operation fails, and frees its slot", async () => {
    const lanes = new Lanes(new FakeClock(), 1);
    const failed = lanes.run(["x"], () => Promise.reject(new Error("no")));
    const thrown = lanes.run(["x"], () => {
      throw new Error("sync");
    });
    await expect(failed).rejects.toThrow("no");
    await expect(thrown).rejects.toThrow("sync");
    expect(await lanes.run(["x"], () => Promise.resolve(3))).toBe(3);
  });
});
