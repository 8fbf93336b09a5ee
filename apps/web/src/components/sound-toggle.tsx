import { setMuted, useAttentionSettings } from "../attention-settings";

/** The header's mute switch: sounds on or off, remembered on this device. */
export function SoundToggle() {
  const muted = useAttentionSettings((s) => s.muted);
  return (
    <button
      type="button"
      className="sound-toggle"
      data-testid="sound-toggle"
      aria-pressed={muted}
      aria-label="Mute sounds"
      title={muted ? "Sounds are off" : "Sounds are on"}
      onClick={() => setMuted(!muted)}
    >
      <svg viewBox="0 0 24 24" width="18" height="18" aria-hidden="true" focusable="false">
        <path
          d="M4 9.5h3.5L12 5.5v13l-4.5-4H4z"
          fill="currentColor"
          stroke="currentColor"
          strokeWidth="1.5"
          strokeLinejoin="round"
        />
        {muted ? (
          <path d="M16 9.5l5 5m0-5l-5 5" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
        ) : (
          <path
            d="M15.5 9a4 4 0 0 1 0 6M18 6.5a7.5 7.5 0 0 1 0 11"
            fill="none"
            stroke="currentColor"
            strokeWidth="2"
            strokeLinecap="round"
          />
        )}
      </svg>
    </button>
  );
}
