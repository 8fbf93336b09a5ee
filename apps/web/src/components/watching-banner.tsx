/** Spectators see the game but cannot act in it; say so plainly. */
export function WatchingBanner({ spectatorCount }: { spectatorCount: number }) {
  const others = Math.max(0, spectatorCount - 1);
  return (
    <div className="watching-banner" data-testid="watching-banner" role="note">
      <span className="watching-eye" aria-hidden="true" />
      <span>
        <strong>You are watching.</strong> You can follow the game and read the chat, but not play or write.
        {others > 0 && ` ${others} other ${others === 1 ? "person is" : "people are"} watching too.`}
      </span>
    </div>
  );
}

/** How many are watching; always present so it can be read at a glance (and by tests). */
export function SpectatorCount({ count }: { count: number }) {
  return (
    <p className="spectator-count" title="Spectators">
      <span className="watching-eye" aria-hidden="true" />
      <span data-testid="spectator-count">{count}</span> watching
    </p>
  );
}
