import { dismissAnnouncement } from "../operator-state";
import { update, useLobbyStore } from "../store";

/*
 * The operators' announcement, on every screen (name, lobby, room) under the
 * header until the player dismisses it. The live region is always in the
 * page, so a screen reader hears an announcement the moment it lands.
 */
export function AnnouncementBanner() {
  const announcement = useLobbyStore((s) => s.announcement);
  return (
    <div className="announcement-region" aria-live="assertive">
      {announcement && (
        <section className="announcement" aria-label="Announcement" data-testid="announcement">
          <span className="announcement-icon" aria-hidden="true">
            <svg viewBox="0 0 24 24" width="20" height="20">
              <path d="M3 10v4h3l6 5V5L6 10H3Z" fill="currentColor" />
              <path
                d="M16 8.5a5 5 0 0 1 0 7M18.5 6a8.5 8.5 0 0 1 0 12"
                fill="none"
                stroke="currentColor"
                strokeWidth="2"
                strokeLinecap="round"
              />
            </svg>
          </span>
          <div className="announcement-text">
            <p className="announcement-eyebrow">From the Lobby team</p>
            <p className="announcement-message">{announcement.text}</p>
          </div>
          <button
            type="button"
            className="announcement-close"
            aria-label="Dismiss the announcement"
            onClick={() => update(dismissAnnouncement)}
          >
            ×
          </button>
        </section>
      )}
    </div>
  );
}
