import { shouldOfferNotifications } from "../attention";
import { dismissNotificationOffer, requestNotifications, useAttentionSettings } from "../attention-settings";

/**
 * A quiet offer of browser notifications, shown after the player's first
 * match and never again once answered: the browser asks only when they press
 * "Turn on", and "No thanks" is remembered.
 */
export function NotifyOffer() {
  const show = useAttentionSettings((s) =>
    shouldOfferNotifications({ permission: s.notifications, dismissed: s.offerDismissed, hadMatch: s.hadMatch }),
  );
  if (!show) return null;
  return (
    <aside className="notify-offer" data-testid="notify-offer" aria-labelledby="notify-offer-title">
      <span className="notify-offer-icon" aria-hidden="true">
        <svg viewBox="0 0 24 24" width="20" height="20" focusable="false">
          <path
            d="M12 3a6 6 0 0 0-6 6v3.5L4.5 16h15L18 12.5V9a6 6 0 0 0-6-6zM10 19a2 2 0 0 0 4 0"
            fill="none"
            stroke="currentColor"
            strokeWidth="2"
            strokeLinejoin="round"
          />
        </svg>
      </span>
      <span className="notify-offer-text">
        <strong id="notify-offer-title">Don't miss your turn</strong>
        <span>Get a notification when a match is found or it's your move while Lobby is in another tab.</span>
      </span>
      <span className="notify-offer-actions">
        <button type="button" className="button button--primary" onClick={() => void requestNotifications()}>
          Turn on
        </button>
        <button type="button" className="button button--ghost" onClick={dismissNotificationOffer}>
          No thanks
        </button>
      </span>
    </aside>
  );
}
