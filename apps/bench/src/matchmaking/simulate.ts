import {
  nextWidening,
  pickFirstCome,
  pickGroup,
  publicRating,
  ratedOutcome,
  startingRating,
  winChances,
  type Candidate,
  type Rating,
  type Widening,
} from "@lobby/server";
import type { Arrival } from "./bound";

/*
 * A population of players with hidden true skills, run through Lobby's own
 * matcher (`pickGroup`, or first come first served for comparison) and
 * rating rules (`ratedOutcome`) for 1v1 games:
 *
 * - each player idles for an exponentially distributed time (so arrivals are
 *   a Poisson process), queues, plays a game of fixed length, and idles again;
 * - as on the server, the matcher runs on every arrival and at the queue's
 *   deadline (`nextWidening`: a second later while windows widen, or when
 *   a waiting player's "anyone" time comes), so windows widen without new
 *   arrivals;
 * - a game's winner is drawn from the true skills: each side performs at its
 *   skill plus Gaussian noise (the model's own assumption, beta = 25/6);
 * - it stops once players have played `gamesPerPlayer` games on average.
 */

export interface SimulationOptions {
  players: number;
  /** Mean time between a player's games, idle, seconds. */
  idleMeanS: number;
  /** Length of every game, seconds. */
  gameS: number;
  /** Stop once the mean number of games per player reaches this. */
  gamesPerPlayer: number;
  /** The matcher: first come first served, or the widening window. */
  matcher: "first-come" | Widening;
  seed: number;
}

export interface SimulationResult {
  matches: number;
  /** |rating difference| of each match, rating points (the scale players see). */
  spread: { mean: number; p95: number };
  /** Seconds from queueing to a match. */
  wait: { p50: number; p95: number; p99: number };
  /** Share of matches whose predicted win chance (for either side) was within 40–60 %. */
  balanced: number;
  /** Spearman rank correlation of rating (mu) with true skill, over players with ≥ `gamesPerPlayer` games. */
  rankCorrelation: number;
  /** How many players that correlation is over. */
  ranked: number;
  simulatedS: number;
  /** Every arrival in the queue: when (s) and at what rating (the points players see). */
  arrivals: Arrival[];
}

interface Player {
  id: string;
  skill: number;
  rating: Rating;
  games: number;
  /** When they next queue (idle), or null while queued or playing. */
  queueAt: number | null;
  joinedAt: number;
}

/** Performance noise per game, in the model's units (its beta). */
const BETA = 25 / 6;

export function simulate(options: SimulationOptions): SimulationResult {
  const random = seeded(options.seed);
  const gauss = () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  const idle = () => -Math.log(1 - random()) * options.idleMeanS;
  const start = startingRating();
  const players: Player[] = Array.from({ length: options.players }, (_, i) => ({
    id: String(i),
    skill: start.mu + start.sigma * gauss(),
    rating: start,
    games: 0,
    queueAt: idle(),
    joinedAt: 0,
  }));
  const byId = new Map(players.map((p) => [p.id, p]));
  // Games in progress: when they end, and who plays.
  const playing: { endsAt: number; seats: [Player, Player] }[] = [];
  let queue: (Candidate & { id: string })[] = [];
  const spreads: number[] = [];
  const waits: number[] = [];
  const arrivals: Arrival[] = [];
  let balanced = 0;
  let totalGames = 0;

  // `nowMs` is `now` as the matcher's clock reads it (milliseconds, as on the server).
  const match = (now: number, nowMs: number) => {
    for (;;) {
      const group =
        options.matcher === "first-come" ? pickFirstCome(queue, 2) : pickGroup(queue, 2, nowMs, options.matcher);
      if (!group) return;
      const chosen = new Set(group.map((c) => c.id));
      queue = queue.filter((c) => !chosen.has(c.id));
      const [a, b] = group.map((c) => byId.get(c.id)!) as [Player, Player];
      for (const p of [a, b]) waits.push(now - p.joinedAt);
      spreads.push(Math.abs(publicRating(a.rating).value - publicRating(b.rating).value));
      const chance = winChances([a.rating, b.rating])[0] ?? 0.5;
      if (chance >= 0.4 && chance <= 0.6) balanced++;
      playing.push({ endsAt: now + options.gameS, seats: [a, b] });
    }
  };
  const finish = (game: { seats: [Player, Player] }, now: number) => {
    const [a, b] = game.seats;
    const aWins = a.skill + BETA * gauss() > b.skill + BETA * gauss();
    const [ra, rb] = ratedOutcome([a.rating, b.rating], aWins ? ["win", "loss"] : ["loss", "win"]);
    a.rating = ra ?? a.rating;
    b.rating = rb ?? b.rating;
    for (const p of [a, b]) {
      p.games++;
      p.queueAt = now + idle();
    }
    totalGames += 2;
  };

  // When the matcher next looks again without an arrival (the server's queue deadline), on the matcher's clock.
  let deadlineMs: number | null = null;
  const matchAt = (at: number, atMs = at * 1000) => {
    match(at, atMs);
    deadlineMs =
      options.matcher === "first-come" || queue.length < 2 ? null : nextWidening(queue, atMs, options.matcher);
  };
  const deadlinesUntil = (until: number) => {
    while (deadlineMs !== null && deadlineMs < until * 1000) matchAt(deadlineMs / 1000, deadlineMs);
  };

  let now = 0;
  while (totalGames / options.players < options.gamesPerPlayer) {
    const tick = now + 1;
    // Arrivals within this second, in time order, each matched on arrival.
    const arriving = players
      .filter((p) => p.queueAt !== null && p.queueAt < tick)
      .sort((x, y) => (x.queueAt ?? 0) - (y.queueAt ?? 0));
    for (const p of arriving) {
      const at = p.queueAt ?? now;
      deadlinesUntil(at);
      p.queueAt = null;
      p.joinedAt = at;
      // The matcher counts in milliseconds, as the server's clock does.
      const rating = publicRating(p.rating).value;
      arrivals.push({ at, rating });
      queue.push({ id: p.id, rating, joinedAt: at * 1000 });
      matchAt(at);
    }
    deadlinesUntil(tick);
    now = tick;
    for (let i = playing.length - 1; i >= 0; i--) {
      const game = playing[i]!;
      if (game.endsAt <= now) {
        finish(game, now);
        playing.splice(i, 1);
      }
    }
  }

  const veterans = players.filter((p) => p.games >= options.gamesPerPlayer);
  return {
    matches: spreads.length,
    spread: { mean: mean(spreads), p95: quantile(spreads, 0.95) },
    wait: { p50: quantile(waits, 0.5), p95: quantile(waits, 0.95), p99: quantile(waits, 0.99) },
    balanced: spreads.length === 0 ? 0 : balanced / spreads.length,
    rankCorrelation: spearman(
      veterans.map((p) => p.skill),
      veterans.map((p) => p.rating.mu),
    ),
    ranked: veterans.length,
    simulatedS: now,
    arrivals,
  };
}

function mean(values: readonly number[]): number {
  return values.length === 0 ? 0 : values.reduce((sum, v) => sum + v, 0) / values.length;
}

/** The q-quantile (nearest rank). */
export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}

/** Spearman's rank correlation (ties take their mean rank). */
export function spearman(xs: readonly number[], ys: readonly number[]): number {
  if (xs.length < 2) return 0;
  const rx = ranks(xs);
  const ry = ranks(ys);
  const mx = mean(rx);
  const my = mean(ry);
  let cov = 0;
  let vx = 0;
  let vy = 0;
  for (let i = 0; i < rx.length; i++) {
    const dx = rx[i]! - mx;
    const dy = ry[i]! - my;
    cov += dx * dy;
    vx += dx * dx;
    vy += dy * dy;
  }
  return vx === 0 || vy === 0 ? 0 : cov / Math.sqrt(vx * vy);
}

function ranks(values: readonly number[]): number[] {
  const order = values.map((v, i) => ({ v, i })).sort((a, b) => a.v - b.v);
  const result = new Array<number>(values.length);
  for (let start = 0; start < order.length;) {
    let end = start;
    while (end + 1 < order.length && order[end + 1]!.v === order[start]!.v) end++;
    for (let k = start; k <= end; k++) result[order[k]!.i] = (start + end) / 2;
    start = end + 1;
  }
  return result;
}

/** A small, fast seeded generator (mulberry32), so every run of a setting is the same. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
