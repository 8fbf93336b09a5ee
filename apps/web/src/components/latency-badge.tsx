import { useLocalNow } from "../clock";
import { formatRtt, rttQuality } from "../format";
import { shownRttMs, type RttSample } from "../latency-state";

interface LatencyBadgeProps {
  samples: readonly RttSample[] | undefined;
  /** Real-time games feel a round trip sooner than turn-based ones. */
  realtime: boolean;
}

/**
 * A seat's round trip (the best of its recent figures), coloured by how it
 * will feel in this game; nothing until a figure can be trusted, rather than
 * a placeholder or a first ping that reads like a problem.
 */
export function LatencyBadge({ samples, realtime }: LatencyBadgeProps) {
  const now = useLocalNow();
  const ms = shownRttMs(samples, now);
  if (ms === null) return null;
  const quality = rttQuality(ms, realtime);
  return (
    <span className="rtt" data-testid="rtt" data-quality={quality} title={`Connection: ${quality}`}>
      <span className="rtt-bars" aria-hidden="true">
        <span />
        <span />
        <span />
      </span>
      {formatRtt(ms)}
    </span>
  );
}
