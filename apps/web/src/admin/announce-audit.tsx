import { CHAT_MAX_LENGTH, type AuditEntry } from "@lobby/contracts";
import { useId, useState, type FormEvent } from "react";
import { ActionDialog, NoticeLine, useNotice } from "./action-dialog";
import { adminConnection } from "./admin-connection";
import { ACTION_LABELS, formatClock } from "./admin-format";
import { auditKey } from "./admin-state";
import { useAdminStore } from "./admin-store";

/* Telling every player something, and what every admin has done. */

export function AnnouncePanel() {
  const [text, setText] = useState("");
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useNotice();
  const ids = { text: useId(), hint: useId(), error: useId() };

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (text.trim() === "") {
      setError("Write the announcement first.");
      return;
    }
    setError(null);
    setConfirming(true);
  }

  return (
    <section className="admin-panel card" aria-labelledby="announce-title">
      <h2 id="announce-title" className="admin-section-title">
        Announce
      </h2>
      <form className="admin-announce" onSubmit={onSubmit} noValidate>
        <label htmlFor={ids.text} className="admin-field-label">
          Message to every connected player
        </label>
        <textarea
          id={ids.text}
          className="text-input admin-textarea"
          rows={3}
          maxLength={CHAT_MAX_LENGTH}
          placeholder="The server restarts at 22:00 UTC for a few minutes."
          value={text}
          onChange={(event) => {
            setText(event.target.value);
            setError(null);
          }}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${ids.error} ${ids.hint}` : ids.hint}
        />
        <div className="admin-announce-foot">
          <p id={ids.hint} className="field-hint">
            Shown as a banner wherever they are. {text.trim().length}/{CHAT_MAX_LENGTH}
          </p>
          <button type="submit" className="button button--primary button--small" aria-haspopup="dialog">
            Announce…
          </button>
        </div>
        {error && (
          <p id={ids.error} className="field-error" role="alert">
            {error}
          </p>
        )}
      </form>
      <NoticeLine notice={notice} onDismiss={() => setNotice(null)} />
      {confirming && (
        <ActionDialog
          title="Send this announcement?"
          lead={
            <>
              <p>Every connected player sees it now, on every node:</p>
              <blockquote className="admin-quote">{text.trim()}</blockquote>
            </>
          }
          confirmLabel="Announce"
          run={() => adminConnection.request("admin:announce", { text: text.trim() })}
          onDone={() => {
            setNotice({ kind: "ok", text: "Announced to every connected player." });
            setText("");
            setConfirming(false);
          }}
          onClose={() => setConfirming(false)}
        />
      )}
    </section>
  );
}

/** How many audit entries are drawn; the store keeps more. */
export const AUDIT_SHOWN = 60;

export function AuditFeed() {
  const audit = useAdminStore((s) => s.audit);
  return (
    <section className="admin-panel card" aria-labelledby="audit-title">
      <h2 id="audit-title" className="admin-section-title">
        Audit log
      </h2>
      {audit.length === 0 ? (
        <p className="admin-empty">No admin has acted yet.</p>
      ) : (
        // A live region around the list, not on it: a role on the <ol> would take its list semantics away.
        <div role="log" aria-labelledby="audit-title" data-testid="audit-log">
          <ol className="admin-audit">
            {audit.slice(0, AUDIT_SHOWN).map((entry) => (
              <AuditRow key={auditKey(entry)} entry={entry} />
            ))}
          </ol>
        </div>
      )}
    </section>
  );
}

function AuditRow({ entry }: { entry: AuditEntry }) {
  return (
    <li className="admin-audit-entry" data-action={entry.action}>
      <div className="admin-audit-line">
        <span className="admin-audit-action">{ACTION_LABELS[entry.action]}</span>
        {entry.target && <span className="admin-audit-target">{entry.target}</span>}
        <time className="admin-faint admin-audit-time" dateTime={new Date(entry.at).toISOString()}>
          {formatClock(entry.at)}
        </time>
      </div>
      {entry.detail && <p className="admin-audit-detail">“{entry.detail}”</p>}
      <p className="admin-faint admin-audit-node">on {entry.node}</p>
    </li>
  );
}
