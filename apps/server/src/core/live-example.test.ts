import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { describe, expect, it } from "vitest";
import { LiveExample, LiveExamples } from "./live-example";

setFlagsFromString("--expose-gc");
const gc = runInNewContext("gc") as () => void;

/**
 * Whether each target is gone after a full collection, run after a turn of the
 * event loop: a WeakRef keeps its target until the job that made or read it ends.
 */
async function collected(refs: WeakRef<object>[]): Promise<boolean[]> {
  await new Promise((resolve) => setImmediate(resolve));
  gc();
  return refs.map((ref) => ref.deref() === undefined);
}

describe("LiveExample", () => {
  it("keeps the latest object reachable and lets the one before it go", async () => {
    const examples = new LiveExample<{ n: number }>();
    const keep = (n: number) => new WeakRef(examples.keep({ n }));
    const first = keep(1);
    expect(await collected([first])).toEqual([false]);
    const second = keep(2);
    expect(await collected([first, second])).toEqual([true, false]);
  });

  it("returns what it keeps", () => {
    const examples = new LiveExample<object>();
    const value = { a: 1 };
    expect(examples.keep(value)).toBe(value);
  });
});

describe("LiveExamples", () => {
  it("keeps the latest object of each key, and nothing that is not an object", async () => {
    const examples = new LiveExamples<"a" | "b">();
    const keep = (key: "a" | "b") => {
      const value = { key };
      examples.keep(key, value);
      return new WeakRef(value);
    };
    const a1 = keep("a");
    const b1 = keep("b");
    expect(await collected([a1, b1])).toEqual([false, false]);
    const a2 = keep("a");
    expect(await collected([a1, a2, b1])).toEqual([true, false, false]);
    examples.keep("b", "text");
    examples.keep("b", null);
    expect(await collected([b1])).toEqual([false]);
  });
});
