/*
 * V8 gives every object layout a hidden class (a "map") and frees the map at a
 * full garbage collection once no object has it; optimized code that checks
 * for a freed map is thrown away (`--log-deopt` says "weak objects") and runs
 * unoptimized until the compiler has built it again. Objects a server makes
 * and drops within one operation (an operation's context, a request's payload,
 * a Socket.IO broadcast) seldom have one alive at the moment a full collection
 * runs, so on a busy server every full collection undid the compiler's work on
 * the hot paths built around them, and the compiler redid it on V8's
 * background threads, which share the server's core. Holding the latest such
 * object keeps its map alive, for the cost of one reference per kind. See
 * docs/performance.md, "Short-lived objects and the optimizing compiler".
 */

/** Keeps the latest object of one short-lived kind reachable (and no other): see above. */
export class LiveExample<T extends object> {
  // Written, never read: holding it is the point.
  private latest: T | undefined;

  /** Hold `value` in place of the previous example; returns it. */
  keep<V extends T>(value: V): V {
    this.latest = value;
    return value;
  }
}

/** One live example per key: for kinds whose layout depends on the key, such as each event's payload. */
export class LiveExamples<K extends string> {
  private readonly latest = new Map<K, unknown>();

  /** Hold `value` as `key`'s example in place of the previous one; anything but an object is not held. */
  keep(key: K, value: unknown): void {
    if (typeof value === "object" && value !== null) this.latest.set(key, value);
  }
}
