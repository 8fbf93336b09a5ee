import { useId, useState, type FormEvent, type ReactNode } from "react";
import { useModal } from "../components/use-modal";
import type { AdminRequestResult } from "./admin-connection";

/*
 * Every admin action goes through one confirmation: a modal that names what
 * will happen, asks for what the action needs (a reason, minutes), and sends
 * it. The confirm button is disabled while the answer is pending; a refusal
 * stays in the dialog in the server's words; success closes it, and the
 * panel that opened it says what was done.
 */

export const REASON_MAX_LENGTH = 200;

interface ActionDialogProps {
  title: string;
  lead: ReactNode;
  confirmLabel: string;
  /** Red for actions that take something from players. */
  danger?: boolean;
  /** The fields the action needs. */
  children?: ReactNode;
  /** Why the fields will not do, or null to go ahead. */
  validate?: () => string | null;
  run: () => Promise<AdminRequestResult<unknown>>;
  /** The server agreed. */
  onDone: () => void;
  onClose: () => void;
}

export function ActionDialog({
  title,
  lead,
  confirmLabel,
  danger,
  children,
  validate,
  run,
  onDone,
  onClose,
}: ActionDialogProps) {
  const { ref, close, onCancel } = useModal(onClose);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const titleId = useId();
  const errorId = useId();

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (pending) return;
    const invalid = validate?.() ?? null;
    setError(invalid);
    if (invalid) return;
    setPending(true);
    const result = await run();
    setPending(false);
    if (result.ok) onDone();
    else setError(result.error.message || `Refused (${result.error.code}).`);
  }

  return (
    <dialog ref={ref} className="dialog card admin-dialog" aria-labelledby={titleId} onCancel={onCancel}>
      <form
        className="dialog-form"
        onSubmit={(event) => void onSubmit(event)}
        noValidate
        aria-describedby={error ? errorId : undefined}
      >
        <h2 id={titleId} className="dialog-title">
          {title}
        </h2>
        <div className="dialog-lead">{lead}</div>
        {children}
        {error && (
          <p id={errorId} className="field-error" role="alert">
            {error}
          </p>
        )}
        <div className="dialog-actions">
          <button type="button" className="button button--ghost" onClick={close}>
            Cancel
          </button>
          <button
            type="submit"
            className={`button ${danger ? "button--solid-danger" : "button--primary"}`}
            disabled={pending}
          >
            {pending && <span className="spinner" aria-hidden="true" />}
            {confirmLabel}
          </button>
        </div>
      </form>
    </dialog>
  );
}

interface ReasonFieldProps {
  value: string;
  onChange: (value: string) => void;
  hint: string;
  label?: string;
}

/** The reason an action carries: players are shown it. */
export function ReasonField({ value, onChange, hint, label = "Reason" }: ReasonFieldProps) {
  const id = useId();
  return (
    <>
      <label htmlFor={id} className="field-label">
        {label}
      </label>
      <textarea
        id={id}
        className="text-input admin-textarea"
        rows={2}
        maxLength={REASON_MAX_LENGTH}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        aria-describedby={`${id}-hint`}
        required
        autoFocus
      />
      <p id={`${id}-hint`} className="field-hint">
        {hint} {value.trim().length}/{REASON_MAX_LENGTH}
      </p>
    </>
  );
}

/** A reason's check: something to tell the players. */
export function checkReason(reason: string): string | null {
  return reason.trim() === "" ? "Give a reason: the players are told it." : null;
}

export interface Notice {
  kind: "ok" | "error";
  text: string;
}

/** A panel's last word on an action it took: what was done, or why not. */
export function useNotice(): [Notice | null, (notice: Notice | null) => void] {
  return useState<Notice | null>(null);
}

/** Always in the page, so screen readers hear what lands in it. */
export function NoticeLine({ notice, onDismiss }: { notice: Notice | null; onDismiss: () => void }) {
  return (
    <div className="admin-notice-region" role="status">
      {notice && (
        <p className="admin-notice" data-kind={notice.kind}>
          <span className="admin-notice-icon" aria-hidden="true">
            {notice.kind === "ok" ? "✓" : "!"}
          </span>
          <span className="admin-notice-text">{notice.text}</span>
          <button type="button" className="admin-notice-close" aria-label="Dismiss" onClick={onDismiss}>
            ×
          </button>
        </p>
      )}
    </div>
  );
}
