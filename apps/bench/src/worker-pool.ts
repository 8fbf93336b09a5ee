import type { ChildProcess } from "node:child_process";
import { fileURLToPath } from "node:url";
import type { ModeId } from "@lobby/contracts";
import type { Programs } from "./compile";
import { spawnPinned } from "./pinning";
import type { AttackCounts, AttackPlan, Command, Progress, Reply, WorkerMessage, WorkerMetrics } from "./protocol";

const APP_ROOT = fileURLToPath(new URL("..", import.meta.url));
const READY_TIMEOUT_MS = 30_000;
/** No command may take longer than this (the longest is a churn run or a large spawn). */
const COMMAND_TIMEOUT_MS = 10 * 60_000;

interface Worker {
  child: ChildProcess;
  pending: Map<number, (reply: Reply) => void>;
  progress: Progress;
  /** Bots this worker holds, for spreading new ones evenly. */
  bots: number;
}

/** Live totals over all workers. */
export type PoolProgress = Omit<Progress, "type">;

/**
 * The bot workers: separate Node processes (own heap, event loop, file
 * descriptor table and CPU accounting), pinned to the bots' cores, each
 * holding an even share of the bots.
 */
export class WorkerPool {
  private nextId = 1;
  private nextBot = 0;

  private constructor(private readonly workers: Worker[]) {}

  static async start(count: number, cpus: string | null, programs: Programs): Promise<WorkerPool> {
    const workers = await Promise.all(
      Array.from({ length: count }, () => {
        const child = spawnPinned(cpus, process.execPath, programs.worker, {
          cwd: APP_ROOT,
          stdio: ["ignore", "inherit", "inherit", "ipc"],
        });
        const worker: Worker = {
          child,
          pending: new Map(),
          progress: { type: "progress", connected: 0, seated: 0, playing: 0, events: 0, cpuMicros: 0 },
          bots: 0,
        };
        return new Promise<Worker>((resolve, reject) => {
          const timer = setTimeout(() => reject(new Error("bot worker did not start")), READY_TIMEOUT_MS);
          child.once("exit", (code) => {
            clearTimeout(timer);
            reject(new Error(`bot worker exited with ${code}`));
            for (const settle of worker.pending.values())
              settle({ id: 0, ok: false, error: `worker exited (${code})` });
          });
          child.on("message", (raw) => {
            const message = raw as WorkerMessage;
            if ("type" in message) {
              if (message.type === "ready") {
                clearTimeout(timer);
                resolve(worker);
              } else worker.progress = message;
              return;
            }
            worker.pending.get(message.id)?.(message);
            worker.pending.delete(message.id);
          });
        });
      }),
    );
    return new WorkerPool(workers);
  }

  get size(): number {
    return this.workers.length;
  }

  /** Send one command to every worker (or a per-worker one) and wait for all replies. */
  async all(command: Command | ((index: number) => Command | null)): Promise<WorkerMetrics[]> {
    const replies = await Promise.all(
      this.workers.map((worker, index) => {
        const cmd = typeof command === "function" ? command(index) : command;
        return cmd ? this.send(worker, cmd).then((reply) => reply.metrics) : Promise.resolve(null);
      }),
    );
    return replies.filter((reply): reply is WorkerMetrics => reply !== null);
  }

  /** Run the attacker in the first worker (a pool of its own, so no bot shares its event loop) until `plan` ends. */
  async attack(plan: AttackPlan): Promise<AttackCounts> {
    const worker = this.workers[0];
    if (!worker) throw new Error("attack: the pool has no worker");
    const reply = await this.send(worker, { kind: "attack", plan });
    if (!reply.attack) throw new Error("attack: the worker did not report what it did");
    return reply.attack;
  }

  /**
   * Create and connect bots for `modes` (one per entry), spread evenly over
   * the workers; bot i connects to `urls[i mod urls.length]`, and with
   * `forwardedFor` claims an address of its own (`honestAddress(i)`).
   */
  spawnBots(
    urls: readonly string[],
    modes: readonly ModeId[],
    concurrencyPerWorker: number,
    forwardedFor = false,
  ): Promise<WorkerMetrics[]> {
    const shares = this.workers.map(() => [] as ModeId[]);
    const load = this.workers.map((w) => w.bots);
    // Fill the emptiest worker first, so repeated spawns (scale steps) stay balanced.
    for (const mode of modes) {
      const index = load.indexOf(Math.min(...load));
      shares[index]?.push(mode);
      load[index] = (load[index] ?? 0) + 1;
    }
    return this.all((index) => {
      const share = shares[index] ?? [];
      const worker = this.workers[index];
      if (share.length === 0 || !worker) return null;
      worker.bots += share.length;
      const firstIndex = this.nextBot;
      this.nextBot += share.length;
      return {
        kind: "spawn",
        urls: [...urls],
        firstIndex,
        modes: share,
        concurrency: concurrencyPerWorker,
        forwardedFor,
      };
    });
  }

  /** After a `disconnect` the workers hold no bots. */
  forgetBots(): void {
    for (const worker of this.workers) worker.bots = 0;
  }

  progress(): PoolProgress {
    const total: PoolProgress = { connected: 0, seated: 0, playing: 0, events: 0, cpuMicros: 0 };
    for (const { progress } of this.workers) {
      total.connected += progress.connected;
      total.seated += progress.seated;
      total.playing += progress.playing;
      total.events += progress.events;
      total.cpuMicros += progress.cpuMicros;
    }
    return total;
  }

  async close(): Promise<void> {
    await Promise.all(
      this.workers.map(async (worker) => {
        if (worker.child.exitCode !== null) return;
        const exited = new Promise((resolve) => worker.child.once("exit", resolve));
        worker.child.send({ id: 0, command: { kind: "exit" } });
        const timer = setTimeout(() => worker.child.kill("SIGKILL"), 5000);
        await exited;
        clearTimeout(timer);
      }),
    );
  }

  private send(worker: Worker, command: Command): Promise<Extract<Reply, { ok: true }>> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        worker.pending.delete(id);
        reject(new Error(`bot worker did not answer "${command.kind}" in time`));
      }, COMMAND_TIMEOUT_MS);
      worker.pending.set(id, (reply) => {
        clearTimeout(timer);
        if (reply.ok) resolve(reply);
        else reject(new Error(`bot worker failed "${command.kind}": ${reply.error}`));
      });
      worker.child.send({ id, command });
    });
  }
}
