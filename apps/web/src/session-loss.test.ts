import { describe, expect, it } from "vitest";
import { announceLoss, identityIdOf, serverForgot } from "./session-loss";

describe("identityIdOf / serverForgot", () => {
  const token = (id: string, generation = 1) => `i1.${id}.lz3k9.${generation}.${"s".repeat(43)}`;

  it("reads the identity's id out of an identity token, and nothing out of anything else", () => {
    expect(identityIdOf(token("dev_ice-1"))).toBe("dev_ice-1");
    expect(identityIdOf("v2.player.x.1.sig")).toBeNull();
    expect(identityIdOf("")).toBeNull();
    expect(identityIdOf(undefined)).toBeNull();
  });

  it("says the server forgot us only when it answered a known identity with another", () => {
    // A new generation of the same identity: the server knew us.
    expect(serverForgot(token("a", 1), token("a", 2))).toBe(false);
    expect(serverForgot(token("a"), token("b"))).toBe(true);
    // A first visit, or a device that keeps no identity: nothing to compare.
    expect(serverForgot(undefined, token("b"))).toBe(false);
    expect(serverForgot(token("a"), undefined)).toBe(false);
  });
});

describe("announceLoss", () => {
  it("says nothing on the first session", () => {
    expect(announceLoss({ lost: null, restarted: false, hadParty: false })).toBeNull();
  });

  it("tells a player whose game the restarted server lost, in a notice they dismiss", () => {
    const announced = announceLoss({ lost: "game", restarted: true, hadParty: false });
    expect(announced).toEqual({
      notice: {
        kind: "server-restarted",
        title: "The server restarted",
        message: expect.stringMatching(/^Your game ended because the server restarted/) as string,
      },
    });
  });

  it("mentions the party a restart took with it", () => {
    const room = announceLoss({ lost: "room", restarted: true, hadParty: true });
    expect(room).toMatchObject({ notice: { message: expect.stringContaining("Your party ended too") as string } });
    const partyOnly = announceLoss({ lost: "nothing", restarted: true, hadParty: true });
    expect(partyOnly).toMatchObject({ notice: { kind: "server-restarted" } });
    expect(announceLoss({ lost: "nothing", restarted: true, hadParty: false })).toEqual({
      toast: "You're back online.",
    });
  });

  it("tells a player who was away too long that their seat went, not that the server restarted", () => {
    expect(announceLoss({ lost: "game", restarted: false, hadParty: false })).toMatchObject({
      notice: { kind: "seat-lost", message: expect.stringContaining("longer than the server keeps a seat") as string },
    });
    expect(announceLoss({ lost: "room", restarted: false, hadParty: false })).toMatchObject({
      notice: { kind: "seat-lost" },
    });
    expect(announceLoss({ lost: "queue", restarted: false, hadParty: false })).toEqual({
      toast: expect.stringContaining("dropped out of the queue") as string,
    });
    expect(announceLoss({ lost: "nothing", restarted: false, hadParty: false })).toEqual({
      toast: "You're back online.",
    });
  });
});
