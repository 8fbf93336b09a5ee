import type { ModeId } from "@lobby/contracts";
import { useState } from "react";
import type { PartyRole } from "../party-state";
import { searchAgain } from "../room-actions";

/**
 * After a quick match: leave the finished game and search again, with new
 * opponents (for a party's leader, the whole party).
 */
export function NewMatchButton({ mode, primary, party }: { mode: ModeId; primary: boolean; party: PartyRole | null }) {
  const [busy, setBusy] = useState(false);
  const together = party !== null && party.size > 1;
  async function go() {
    setBusy(true);
    await searchAgain(mode);
    setBusy(false);
  }
  return (
    <button
      type="button"
      className={`button ${primary ? "button--primary" : "button--ghost"}`}
      disabled={busy}
      aria-label={together ? `Find a new match with your party of ${party.size}` : undefined}
      onClick={() => void go()}
    >
      {busy && <span className="spinner" aria-hidden="true" />}
      Find a new match
    </button>
  );
}
