import { useId, type ReactNode } from "react";
import { useModal } from "./use-modal";

interface ConfirmDialogProps {
  title: string;
  /** What will happen, in a sentence or two. */
  children: ReactNode;
  confirmLabel: string;
  /** The button that keeps things as they are. */
  cancelLabel?: string;
  /** Red confirm button, for a step that takes something away (a forfeit, a kick). */
  danger?: boolean;
  onConfirm: () => void;
  /** Closed without confirming (the cancel button, Escape); also called after confirming. */
  onClose: () => void;
}

/**
 * "Are you sure?" before a step that cannot be taken back, as a native modal
 * dialog: named by its title, described by its text, focus kept inside and
 * Escape cancelling. The safe choice comes first, so the browser focuses it
 * when the dialog opens and a stray Enter does nothing harmful.
 */
export function ConfirmDialog({
  title,
  children,
  confirmLabel,
  cancelLabel = "Cancel",
  danger = false,
  onConfirm,
  onClose,
}: ConfirmDialogProps) {
  const { ref, close, onCancel } = useModal(onClose);
  const titleId = useId();
  const leadId = useId();

  return (
    <dialog
      ref={ref}
      className="dialog card confirm-dialog"
      aria-labelledby={titleId}
      aria-describedby={leadId}
      onCancel={onCancel}
    >
      <div className="dialog-form">
        <h2 id={titleId} className="dialog-title">
          {title}
        </h2>
        <div id={leadId} className="dialog-lead">
          {children}
        </div>
        <div className="dialog-actions">
          <button type="button" className="button button--ghost" onClick={close}>
            {cancelLabel}
          </button>
          <button
            type="button"
            className={`button ${danger ? "button--solid-danger" : "button--primary"}`}
            onClick={() => {
              onConfirm();
              close();
            }}
          >
            {confirmLabel}
          </button>
        </div>
      </div>
    </dialog>
  );
}
