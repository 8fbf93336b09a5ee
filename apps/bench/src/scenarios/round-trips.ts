import type { LatencySummary } from "../histogram";
import { latencyMetrics, type Check, type Merged, type Metric } from "../metrics";

/*
 * Move → own-state round trips and the delivery checks around them, shared
 * by every scenario whose seated bots play (relay, abuse).
 */

/** A window's round trips: all moves, and each mode that had any. */
export interface RoundTrips {
  all: LatencySummary;
  connectFour: LatencySummary | null;
  trails: LatencySummary | null;
}

export function roundTrips(live: Merged): RoundTrips {
  const measured = (summary: LatencySummary | undefined) => (summary && summary.count > 0 ? summary : null);
  return {
    all: live.rttMs.summary(),
    connectFour: measured(live.rttByMode["connect-four"]?.summary()),
    trails: measured(live.rttByMode.trails?.summary()),
  };
}

/** p50/p95/p99 rows (`rtt`, `rtt.c4`, `rtt.trails`), labelled `${what} (all)`, `${what} (Connect Four…)`, …. */
export function roundTripMetrics(
  trips: RoundTrips,
  what: string,
  modes: { connectFour: string; trails: string },
): Metric[] {
  return [
    ...latencyMetrics("rtt", `${what} (all)`, trips.all),
    ...(trips.connectFour ? latencyMetrics("rtt.c4", `${what} (${modes.connectFour})`, trips.connectFour) : []),
    ...(trips.trails ? latencyMetrics("rtt.trails", `${what} (${modes.trails})`, trips.trails) : []),
  ];
}

/** The distributions for the charts. */
export function roundTripLatencies(trips: RoundTrips): Record<string, LatencySummary> {
  return {
    rtt: trips.all,
    ...(trips.connectFour ? { "rtt Connect Four": trips.connectFour } : {}),
    ...(trips.trails ? { "rtt Trails": trips.trails } : {}),
  };
}

/** Lost and duplicated states after the drain (`drained`: the `stop` reply), as rows. */
export function deliveryMetrics(drained: Merged): Metric[] {
  const { sequence } = drained;
  return [
    {
      key: "lost",
      label: "lost states (gaps + acked moves never seen)",
      unit: "",
      value: sequence.missing + drained.lost,
      worst: true,
    },
    {
      key: "duplicates",
      label: "duplicated or out-of-order states",
      unit: "",
      value: sequence.duplicates + sequence.stale,
      worst: true,
    },
  ];
}

/** No state lost or duplicated (after the drain), and moves did get round trips in the window (`live`). */
export function deliveryChecks(live: Merged, drained: Merged, trips: RoundTrips): Check[] {
  const { sequence } = drained;
  return [
    {
      name: "no lost states",
      ok: sequence.missing + drained.lost === 0,
      detail: `${sequence.gaps} gaps (${sequence.missing} versions), ${drained.lost} acked moves never seen, ${sequence.late} arrived late`,
    },
    {
      name: "no duplicated states",
      ok: sequence.duplicates + sequence.stale === 0,
      detail: `${sequence.duplicates} duplicates, ${sequence.stale} out of order`,
    },
    {
      name: "moves were relayed",
      ok: live.moves > 0 && trips.all.count > 0,
      detail: `${live.moves} moves, ${trips.all.count} round trips`,
    },
  ];
}
