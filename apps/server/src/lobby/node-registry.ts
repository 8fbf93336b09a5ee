/**
 * The nodes of a cluster, for noticing one that died with players on it.
 * A single process has none to watch: the lobby runs without a registry then.
 */
export interface NodeRegistry {
  /**
   * Say that process `nodeId` is alive for the next `ttlMs`. Resolves false
   * when its previous word had already run out — others may have taken it
   * for dead — and true otherwise.
   */
  heartbeat(nodeId: string, ttlMs: number): Promise<boolean>;
  /** Processes that said they were alive, then stopped saying so before their time ran out. */
  deadNodes(): Promise<string[]>;
  /** Players whose connection process `nodeId` holds (their record's `node`). */
  playersOnNode(nodeId: string): Promise<string[]>;
  /** Stop tracking a process (it stopped, or its players were all dealt with). */
  forgetNode(nodeId: string): Promise<void>;
}
