import { dismissNotice, type NoticeKind } from "../notice-state";
import { update, useLobbyStore } from "../store";

/**
 * The notice on screen (notice-state.ts): what happened, in the page, until
 * the player dismisses it. `only` limits it to some kinds (the name screen
 * shows only a broken link's).
 */
export function NoticeCard({ only }: { only?: readonly NoticeKind[] }) {
  const notice = useLobbyStore((s) => s.notice);
  if (!notice || (only && !only.includes(notice.kind))) return null;
  return (
    <section className="notice-card" data-testid="notice" data-kind={notice.kind} role="alert">
      <span className="notice-card-icon" aria-hidden="true">
        {notice.kind === "link" ? "?" : "!"}
      </span>
      <div className="notice-card-body">
        <h2 className="notice-card-title">{notice.title}</h2>
        <p className="notice-card-message">{notice.message}</p>
      </div>
      <button type="button" className="button button--ghost button--small" onClick={() => update(dismissNotice)}>
        OK
      </button>
    </section>
  );
}
