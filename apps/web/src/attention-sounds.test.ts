import { describe, expect, it } from "vitest";
import { SOUNDS } from "./attention-sounds";

describe("SOUNDS", () => {
  it("keeps every sound short and soft: under a second, never above a third of full volume", () => {
    for (const notes of Object.values(SOUNDS)) {
      expect(notes.length).toBeGreaterThan(0);
      expect(Math.max(...notes.map((note) => note.at + note.length))).toBeLessThan(1);
      expect(Math.max(...notes.map((note) => note.gain))).toBeLessThanOrEqual(1 / 3);
    }
  });

  it("rises for good news and falls for a loss", () => {
    const pitches = (name: keyof typeof SOUNDS) => SOUNDS[name].map((note) => note.frequency);
    expect(pitches("win")).toEqual([...pitches("win")].sort((a, b) => a - b));
    expect(pitches("match")).toEqual([...pitches("match")].sort((a, b) => a - b));
    expect(pitches("lose")).toEqual([...pitches("lose")].sort((a, b) => b - a));
  });
});
