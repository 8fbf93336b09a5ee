import type { ModeInfo, RejoinOffer } from "@lobby/contracts";
import { useId, useState } from "react";
import { useServerNow } from "../clock";
import { lobbyConnection } from "../lobby-connection";
import { rejoinPrompt } from "../rejoin-offer";
import { useLobbyStore } from "../store";
import { ModeArt } from "./mode-art";

/*
 * The game a closed tab left behind, on top of the lobby: one click takes the
 * player back to it. It goes when its time runs out, once used, or once the
 * player queues or sits down elsewhere (the store drops the offer then).
 */
export function RejoinBanner({ modes }: { modes: readonly ModeInfo[] }) {
  const offer = useLobbyStore((s) => s.rejoinOffer);
  const rejoining = useLobbyStore((s) => s.rejoining);
  // The clock ticks only while there is something to count down.
  if (!offer) return null;
  return <RejoinCard key={offer.awayUntil} offer={offer} modes={modes} rejoining={rejoining} />;
}

interface RejoinCardProps {
  offer: RejoinOffer;
  modes: readonly ModeInfo[];
  rejoining: boolean;
}

function RejoinCard({ offer, modes, rejoining }: RejoinCardProps) {
  const now = useServerNow();
  // The time bar drains from what was left when the offer came up.
  const [shownFor] = useState(() => Math.max(1, offer.awayUntil - now));
  const titleId = useId();
  const prompt = rejoinPrompt(offer, modes, now);
  if (!prompt) return null;
  const left = Math.min(1, Math.max(0, (offer.awayUntil - now) / shownFor));

  return (
    <section className="rejoin" aria-labelledby={titleId} data-testid="rejoin-offer" data-phase={offer.phase}>
      <div className="rejoin-art" aria-hidden="true">
        <ModeArt mode={offer.mode} />
      </div>
      <div className="rejoin-text">
        <p className="rejoin-eyebrow">
          <span className="rejoin-pulse" aria-hidden="true" />
          {offer.phase === "queued" ? "Still in the queue" : "Your game is waiting"}
        </p>
        <h2 id={titleId} className="rejoin-title">
          {prompt.waiting} — {prompt.deadline}{" "}
          <span className="rejoin-seconds" role="timer" aria-live="off" data-testid="rejoin-seconds">
            {prompt.secondsLeft} s
          </span>
          .
        </h2>
      </div>
      <button
        type="button"
        className="button button--primary rejoin-button"
        onClick={lobbyConnection.rejoinGame}
        disabled={rejoining}
        aria-describedby={titleId}
      >
        {rejoining ? (
          <>
            <span className="spinner" aria-hidden="true" />
            Rejoining…
          </>
        ) : (
          prompt.action
        )}
      </button>
      <span className="rejoin-timebar" aria-hidden="true">
        <span style={{ transform: `scaleX(${left})` }} />
      </span>
    </section>
  );
}
