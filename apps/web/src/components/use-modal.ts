import { useEffect, useRef, type SyntheticEvent } from "react";

/**
 * A native modal dialog for a component mounted only while it is open: shown
 * on mount (the browser then keeps focus inside and Escape cancels it) and
 * closed on unmount. `close` closes the modal before telling the owner: while
 * it is open the page behind is inert, and closing hands focus back to
 * whatever opened it.
 */
export function useModal(onClose: () => void) {
  const ref = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    const element = ref.current;
    if (element && !element.open) element.showModal();
    return () => element?.close();
  }, []);

  function close() {
    ref.current?.close();
    onClose();
  }

  /** Escape: close through `close`, so the owner hears of it. */
  function onCancel(event: SyntheticEvent<HTMLDialogElement>) {
    event.preventDefault();
    close();
  }

  return { ref, close, onCancel };
}
