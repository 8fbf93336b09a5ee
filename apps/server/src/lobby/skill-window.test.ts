import { describe, expect, it } from "vitest";
import {
  narrowedOrder,
  ratingOrder,
  DEFAULT_WIDENING,
  nextWidening,
  packsIntoTeams,
  pickFirstCome,
  pickGroup,
  windowOf,
  type Candidate,
} from "./skill-window";

const curve = { initial: 50, perSecond: 25, cap: 400, anyoneAfterMs: 30_000 };
type Named = Candidate & { id: string };
const at = (id: string, rating: number, joinedAt = 0): Named => ({ id, rating, joinedAt });
const ids = (group: Named[] | null) => group?.map((c) => c.id) ?? null;

describe("the rating window", () => {
  it("starts narrow, widens with waiting up to its cap, and takes anyone after the longest wait", () => {
    expect(windowOf(curve, 0)).toBe(50);
    expect(windowOf(curve, 4000)).toBe(150);
    expect(windowOf(curve, 20_000)).toBe(400);
    expect(windowOf(curve, 30_000)).toBe(Infinity);
    expect(DEFAULT_WIDENING.initial).toBeLessThan(DEFAULT_WIDENING.cap);
  });
});

describe("picking a group", () => {
  it("matches close ratings at once and distant ones only once both have waited long enough", () => {
    expect(ids(pickGroup([at("a", 1000), at("b", 1030)], 2, 0, curve))).toEqual(["a", "b"]);
    const apart = [at("a", 1000), at("b", 1300)];
    expect(pickGroup(apart, 2, 9_000, curve)).toBeNull(); // 50 + 225 < 300
    expect(ids(pickGroup(apart, 2, 10_000, curve))).toEqual(["a", "b"]);
    // The longest-waiting player's window decides: a newcomer 300 away is matched with one who waited 10 s.
    expect(ids(pickGroup([at("a", 1000, 0), at("b", 1300, 10_000)], 2, 10_000, curve))).toEqual(["a", "b"]);
    expect(pickGroup([at("a", 1000, 0), at("b", 1300, 9_000)], 2, 9_000, curve)).toBeNull();
    // Anyone, once the longest wait has passed.
    expect(ids(pickGroup([at("a", 1000, 0), at("b", 3000, 30_000)], 2, 30_000, curve))).toEqual(["a", "b"]);
  });

  it("serves the longest-waiting player first, with the closest opponent", () => {
    const queue = [at("old", 1000, 0), at("far", 1040, 1), at("near", 1010, 2), at("other", 1500, 3)];
    expect(ids(pickGroup(queue, 2, 10, curve))).toEqual(["old", "near"]);
  });

  it("bounds the spread of a larger room by its longest-waiting member's window", () => {
    const queue = [at("a", 1000), at("b", 1020), at("c", 1045), at("d", 1060)];
    // a-b-c spans 45 (fits 50); adding d would span 60.
    expect(ids(pickGroup(queue, 3, 0, curve))).toEqual(["a", "b", "c"]);
    expect(pickGroup(queue, 4, 0, curve)).toBeNull();
    expect(ids(pickGroup(queue, 4, 1000, curve))).toEqual(["a", "b", "c", "d"]);
  });

  it("takes anyone close first once everyone's window is open, unlike first come, first served", () => {
    const queue = [at("a", 100), at("b", 3000), at("c", 110)];
    expect(ids(pickGroup(queue, 2, 60_000, curve))).toEqual(["a", "c"]);
    expect(ids(pickFirstCome(queue, 2))).toEqual(["a", "b"]);
    expect(pickFirstCome(queue, 4)).toBeNull();
  });
});

describe("the next look", () => {
  it("comes within a step while windows widen, at the 'anyone' time at the latest, and never once all take anyone", () => {
    expect(nextWidening([at("a", 1000, 0)], 500, curve)).toBe(1500);
    expect(nextWidening([at("a", 1000, 0)], 29_600, curve)).toBe(30_000);
    expect(nextWidening([at("a", 1000, 0)], 30_000, curve)).toBeNull();
    expect(nextWidening([], 0, curve)).toBeNull();
  });
});

describe("picking on random queues", () => {
  it("only ever returns groups within their longest-waiting member's window, and finds a pair whenever one fits", () => {
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let run = 0; run < 300; run++) {
      const queue = Array.from({ length: 2 + Math.floor(random() * 12) }, (_, i) =>
        at(`p${i}`, 700 + Math.round(random() * 600), i * 1000),
      );
      const now = queue.length * 1000 + Math.round(random() * 20_000);
      for (const size of [2, 3, 4]) {
        const group = pickGroup(queue, size, now, curve);
        if (!group) continue;
        expect(group).toHaveLength(size);
        const ratings = group.map((c) => c.rating);
        const spread = Math.max(...ratings) - Math.min(...ratings);
        const longest = Math.min(...group.map((c) => c.joinedAt));
        expect(spread).toBeLessThanOrEqual(windowOf(curve, now - longest));
      }
      const fitsPair = queue.some((a, i) =>
        queue.some((b, j) => i < j && Math.abs(a.rating - b.rating) <= windowOf(curve, now - a.joinedAt)),
      );
      expect(pickGroup(queue, 2, now, curve) !== null).toBe(fitsPair);
    }
  });
});

describe("picking a group with parties", () => {
  const party = (id: string, rating: number, size: number, joinedAt = 0): Named => ({
    id,
    rating,
    joinedAt,
    party: { members: Array.from({ length: size }, (_, i) => `${id}${i}`) },
  });

  it("fills the seats exactly, a party taking as many as it has members", () => {
    // A party of three cannot take the last two seats: the nearer solo players fill them instead.
    const waiting = [party("p", 1000, 2), party("q", 1010, 3), at("a", 1020), at("b", 1030)];
    expect(ids(pickGroup(waiting, 4, 0, curve))).toEqual(["p", "a", "b"]);
    expect(pickGroup([party("p", 1000, 2), party("q", 1010, 3)], 4, 0, curve)).toBeNull();
  });

  it("never makes a room of one party alone", () => {
    expect(pickGroup([party("p", 1000, 2)], 2, 60_000, curve)).toBeNull();
    expect(ids(pickGroup([party("p", 1000, 2), party("q", 1000, 2)], 4, 0, curve))).toEqual(["p", "q"]);
  });

  it("keeps to groups that split into teams with each party on one", () => {
    const twoTeamsOfTwo = (sizes: readonly number[]) => packsIntoTeams(sizes, 2, 2);
    const waiting = [at("a", 1000), party("p", 1005, 2), at("b", 1010), at("c", 1015)];
    expect(ids(pickGroup(waiting, 4, 0, curve, twoTeamsOfTwo))).toEqual(["a", "p", "b"]);
    expect(packsIntoTeams([2, 2, 2], 2, 3)).toBe(false);
    expect(packsIntoTeams([3, 2, 1], 2, 3)).toBe(true);
    expect(packsIntoTeams([2, 1, 1, 1, 1], 3, 2)).toBe(true);
    expect(packsIntoTeams([3], 2, 2)).toBe(false);
  });
});

describe("narrowedOrder", () => {
  it("gives the rating order of a queue with entries taken out, as a fresh sort would, and null for a newcomer", () => {
    // Ties and all: ratings drawn from a few values, in arrival order.
    const queue = Array.from({ length: 60 }, (_, i) => at(`p${i}`, 1000 + ((i * 37) % 7) * 25, i));
    const order = ratingOrder(queue);
    const key = (c: Named) => c.id;
    for (const step of [2, 3, 5, 7]) {
      const left = queue.filter((_, i) => i % step !== 0);
      expect(narrowedOrder(queue, order, left, key)).toEqual(ratingOrder(left));
    }
    expect(narrowedOrder(queue, order, [], key)).toEqual([]);
    expect(narrowedOrder(queue, order, [...queue.slice(1), at("new", 1000, 99)], key)).toBeNull();
  });
});
