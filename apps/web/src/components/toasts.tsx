import { dismissToast, useLobbyStore } from "../store";

/*
 * One alert region for every toast, so a burst of refusals is still one
 * announcement target (and one element for tests to read).
 */
export function Toasts() {
  const toasts = useLobbyStore((s) => s.toasts);
  if (toasts.length === 0) return null;
  return (
    <div className="toasts" role="alert">
      {toasts.map((toast) => (
        <div key={toast.id} className="toast" data-kind={toast.kind}>
          <span className="toast-icon" aria-hidden="true">
            {toast.kind === "error" ? "!" : "i"}
          </span>
          <p className="toast-message">{toast.message}</p>
          <button type="button" className="toast-close" aria-label="Dismiss" onClick={() => dismissToast(toast.id)}>
            ×
          </button>
        </div>
      ))}
    </div>
  );
}
