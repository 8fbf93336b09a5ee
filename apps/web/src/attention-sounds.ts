import type { SoundName } from "./attention";

/*
 * The app's sounds, made on the spot with the Web Audio API (no audio files):
 * each is a few short notes with a soft attack and a quick fade. The notes
 * are data; `playSound` is the only code that touches the audio device.
 */

/** One note: `at` and `length` in seconds from the sound's start, `gain` at its loudest (0–1). */
export interface Note {
  frequency: number;
  at: number;
  length: number;
  wave: OscillatorType;
  gain: number;
}

const C5 = 523.25;
const E5 = 659.25;
const G5 = 783.99;
const A5 = 880;
const C6 = 1046.5;
const C4 = 261.63;
const E4 = 329.63;
const G4 = 392;

function run(frequencies: readonly number[], step: number, length: number, wave: OscillatorType, gain: number): Note[] {
  return frequencies.map((frequency, index) => ({ frequency, at: index * step, length, wave, gain }));
}

/** Every sound's notes: rising for good news, falling for a loss, a single blip for chat. */
export const SOUNDS: Record<SoundName, readonly Note[]> = {
  match: run([C5, E5, G5], 0.09, 0.16, "triangle", 0.22),
  turn: run([G5, C6], 0.08, 0.14, "sine", 0.2),
  win: [
    ...run([C5, E5, G5], 0.1, 0.16, "triangle", 0.22),
    { frequency: C6, at: 0.3, length: 0.42, wave: "triangle", gain: 0.24 },
  ],
  lose: run([G4, E4, C4], 0.14, 0.24, "sine", 0.2),
  draw: run([E5, E5], 0.14, 0.16, "sine", 0.18),
  chat: run([A5], 0, 0.09, "sine", 0.14),
};

let audio: AudioContext | null = null;

function context(): AudioContext | null {
  if (typeof AudioContext === "undefined") return null;
  audio ??= new AudioContext();
  return audio;
}

/**
 * Browsers keep audio silent until the page is used: call this from a click or
 * a key press, so that sounds can play later, even while the tab is hidden.
 */
export function unlockAudio(): void {
  const ctx = context();
  if (ctx?.state === "suspended") void ctx.resume().catch(() => undefined);
}

/** Play `name` now; silently nothing where audio is unavailable or still locked. */
export function playSound(name: SoundName): void {
  const ctx = context();
  if (!ctx || ctx.state !== "running") return;
  const start = ctx.currentTime + 0.01;
  for (const note of SOUNDS[name]) {
    const oscillator = ctx.createOscillator();
    const envelope = ctx.createGain();
    oscillator.type = note.wave;
    oscillator.frequency.value = note.frequency;
    const from = start + note.at;
    const to = from + note.length;
    envelope.gain.setValueAtTime(0, from);
    envelope.gain.linearRampToValueAtTime(note.gain, from + 0.012);
    envelope.gain.exponentialRampToValueAtTime(0.0001, to);
    oscillator.connect(envelope).connect(ctx.destination);
    oscillator.start(from);
    oscillator.stop(to + 0.02);
  }
}
