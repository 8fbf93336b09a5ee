import type { ReactNode } from "react";

/* The parts a wide dialog (the profile, the leaderboards) is framed with. */

interface DialogHeadProps {
  /** The round picture before the title, and its class (its colours); decorative. */
  emblem: ReactNode;
  emblemClass: string;
  eyebrow: string;
  title: string;
  titleId: string;
  titleClass?: string;
  /** The × button's label: "Close profile". */
  closeLabel: string;
  onClose: () => void;
}

/** Emblem, eyebrow and title, and the × that closes the dialog. */
export function DialogHead({
  emblem,
  emblemClass,
  eyebrow,
  title,
  titleId,
  titleClass,
  closeLabel,
  onClose,
}: DialogHeadProps) {
  return (
    <header className="dialog-head">
      <span className={`dialog-emblem ${emblemClass}`} aria-hidden="true">
        {emblem}
      </span>
      <div className="dialog-heading">
        <p className="eyebrow">{eyebrow}</p>
        <h2 id={titleId} className={titleClass ? `dialog-title ${titleClass}` : "dialog-title"}>
          {title}
        </h2>
      </div>
      <button type="button" className="dialog-close" aria-label={closeLabel} onClick={onClose}>
        <span aria-hidden="true">×</span>
      </button>
    </header>
  );
}

/** The dialog's last row: a button that closes it. */
export function DialogCloseRow({ onClose }: { onClose: () => void }) {
  return (
    <div className="dialog-actions">
      <button type="button" className="button button--ghost" onClick={onClose}>
        Close
      </button>
    </div>
  );
}
