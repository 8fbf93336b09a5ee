import { describe, expect, it } from "vitest";
import { TargetPool } from "./target-pool";

describe("TargetPool", () => {
  it("rotates the starting target for each new connection", () => {
    const pool = new TargetPool(["a", "b", "c"], 1000);
    expect([pool.candidates(), pool.candidates(), pool.candidates(), pool.candidates()]).toEqual([
      ["a", "b", "c"],
      ["b", "c", "a"],
      ["c", "a", "b"],
      ["a", "b", "c"],
    ]);
  });

  it("puts targets marked down last until the mark expires", () => {
    let now = 0;
    const pool = new TargetPool(["a", "b", "c"], 1000, () => now);
    pool.markDown("a");
    expect(pool.candidates()).toEqual(["b", "c", "a"]);
    expect(pool.candidates()).toEqual(["b", "c", "a"]);
    expect(pool.isDown("a")).toBe(true);

    now = 1000;
    expect(pool.isDown("a")).toBe(false);
    expect(pool.candidates()).toEqual(["c", "a", "b"]);
  });

  it("forgets a down mark when the target answers again", () => {
    const pool = new TargetPool(["a", "b"], 1000, () => 0);
    pool.markDown("a");
    pool.markUp("a");
    expect(pool.candidates()).toEqual(["a", "b"]);
  });

  it("refuses an empty target list", () => {
    expect(() => new TargetPool([], 1000)).toThrow(/at least one target/);
  });
});
