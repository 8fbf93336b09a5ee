import { useEffect, useState } from "react";

/* Fetching what a dialog shows each time it opens, and the states of that wait. */

export type FetchStatus = "loading" | "done" | "failed";

/**
 * Runs `load(key)` on mount, whenever `key` changes and on `retry`, and says
 * how the latest run went. A run for an earlier key (or attempt) that answers
 * late is ignored, so a slow answer never settles the status of what is on
 * screen now. `load` should be a stable function: the key carries what varies.
 */
export function useFreshFetch<K extends string>(
  key: K,
  load: (key: K) => Promise<boolean>,
): { status: FetchStatus; retry: () => void } {
  const [attempt, setAttempt] = useState(0);
  const [outcome, setOutcome] = useState<{ run: string; ok: boolean } | null>(null);
  const run = `${attempt}:${key}`;

  useEffect(() => {
    let current = true;
    void load(key).then((ok) => {
      if (current) setOutcome({ run, ok });
    });
    return () => {
      current = false;
    };
  }, [run, key, load]);

  const status = outcome?.run !== run ? "loading" : outcome.ok ? "done" : "failed";
  return { status, retry: () => setAttempt((n) => n + 1) };
}

/** The wait for the first answer, before there is anything to show. */
export function FetchLoading({ text }: { text: string }) {
  return (
    <p className="fetch-loading" role="status">
      <span className="spinner" aria-hidden="true" /> {text}
    </p>
  );
}

/** A fetch that failed: what that means for what is shown, and a way to try again. */
export function FetchFailed({ text, retry }: { text: string; retry: () => void }) {
  return (
    <p className="fetch-failed" role="alert">
      {text}{" "}
      <button type="button" className="link-button" onClick={retry}>
        Try again
      </button>
    </p>
  );
}
