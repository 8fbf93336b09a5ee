import { describe, expect, it } from "vitest";
import { applyChatHistory, applyChatMessage } from "./chat-state";
import { applySession, initialState, signedOut } from "./lobby-state";
import {
  applyPartyLeft,
  applyPartyState,
  markPartyChatSeen,
  partyRole,
  quickMatchBlock,
  setPendingParty,
  unreadPartyLines,
} from "./party-state";
import { chat, ME, party, session, signedIn, THEM } from "./test-fixtures";

const teams = { name: "Trails: Teams", quickMatchPlayers: 4, teams: 2 };
const connectFour = { name: "Connect Four", quickMatchPlayers: 2 };
const liarsDice = { name: "Liar's Dice", quickMatchPlayers: 6 };

describe("applyPartyState", () => {
  it("takes the party, then only newer versions of it", () => {
    let state = applyPartyState(signedIn(), party({ version: 3 }));
    expect(state.party?.version).toBe(3);
    state = applyPartyState(state, party({ version: 2, members: [{ player: ME, status: "lobby" }] }));
    expect(state.party?.version).toBe(3);
    expect(state.party?.members).toHaveLength(2);
    state = applyPartyState(state, party({ version: 4, queued: { mode: "trails-teams", joinedAt: 5 } }));
    expect(state.party?.queued).toEqual({ mode: "trails-teams", joinedAt: 5 });
  });

  it("takes a new party whatever its version, and drops the old party's chat", () => {
    let state = applyPartyState(signedIn(), party({ version: 7 }));
    state = applyChatMessage(state, chat("p1", { scope: "party", roomId: "PTY234" }));
    state = applyPartyState(state, party({ code: "NEW234", version: 0 }));
    expect(state.party?.code).toBe("NEW234");
    expect(state.partyChat).toBeNull();
  });

  it("is ignored before a session exists", () => {
    expect(applyPartyState(initialState, party()).party).toBeNull();
  });
});

describe("applyPartyLeft", () => {
  it("clears the party and its chat, and keeps a late push from bringing it back", () => {
    let state = applyPartyState(signedIn(), party({ version: 2 }));
    state = applyChatMessage(state, chat("p1", { scope: "party", roomId: "PTY234" }));
    const left = applyPartyLeft(state, "PTY234");
    expect(left.wasHere).toBe(true);
    expect(left.state).toMatchObject({ party: null, partyChat: null, leftParties: { PTY234: 2 } });
    expect(applyPartyState(left.state, party({ version: 2 })).party).toBeNull();
    // Joining it again later: a newer version is a new membership.
    expect(applyPartyState(left.state, party({ version: 5 })).party?.version).toBe(5);
  });

  it("leaves the party on screen alone when it names another", () => {
    const state = applyPartyState(signedIn(), party());
    const left = applyPartyLeft(state, "OLD234");
    expect(left.wasHere).toBe(false);
    expect(left.state.party?.code).toBe("PTY234");
    expect(applyPartyState(left.state, party({ code: "OLD234", version: 9 })).party?.code).toBe("OLD234");
  });
});

describe("a session and the party", () => {
  it("keeps the party through a resume and forgets it for a new player", () => {
    const state = applyPartyState(signedIn(), party());
    expect(applySession(state, { ...session, resumed: true }, 9_000).state.party?.code).toBe("PTY234");
    const fresh = applySession(state, { ...session, player: { id: "new", name: "Ada" } }, 9_000).state;
    expect(fresh).toMatchObject({ party: null, partyChat: null });
  });

  it("keeps a pending party link through signing out, so the next Play still joins it", () => {
    const state = setPendingParty(signedIn(), "PTY234");
    expect(signedOut(state, null).pendingParty).toBe("PTY234");
    expect(setPendingParty(state, null).pendingParty).toBeNull();
  });
});

describe("unread party lines", () => {
  it("counts others' lines until the party tab is read", () => {
    let state = applyPartyState(signedIn(), party());
    state = applyChatMessage(state, chat("p1", { scope: "party", roomId: "PTY234", at: 10 }));
    state = applyChatMessage(state, chat("p2", { scope: "party", roomId: "PTY234", at: 11, from: ME }));
    state = applyChatMessage(
      state,
      chat("p3", { scope: "party", roomId: "PTY234", at: 12, kind: "system", from: null }),
    );
    expect(unreadPartyLines(state)).toBe(2);
    state = markPartyChatSeen(state);
    expect(unreadPartyLines(state)).toBe(0);
    expect(markPartyChatSeen(state)).toBe(state);
    state = applyChatMessage(state, chat("p4", { scope: "party", roomId: "PTY234", at: 13 }));
    expect(unreadPartyLines(state)).toBe(1);
  });

  it("counts no line of the history a newcomer (or a reload) gets, only what comes after", () => {
    let state = applyPartyState(signedIn(), party());
    const said = [
      chat("p1", { scope: "party", roomId: "PTY234", at: 10 }),
      chat("p2", { scope: "party", roomId: "PTY234", at: 11 }),
    ];
    state = applyChatHistory(state, { scope: "party", roomId: "PTY234", messages: said });
    expect(unreadPartyLines(state)).toBe(0);
    state = applyChatMessage(state, chat("p3", { scope: "party", roomId: "PTY234", at: 12 }));
    expect(unreadPartyLines(state)).toBe(1);
  });
});

describe("quick match in a party", () => {
  it("knows who leads", () => {
    expect(partyRole(null, ME.id)).toBeNull();
    expect(partyRole(party(), ME.id)).toEqual({ leader: true, leaderName: "Ada", size: 2 });
    expect(partyRole(party(), THEM.id)).toEqual({ leader: false, leaderName: "Ada", size: 2 });
  });

  it("lets a player alone and a party's leader search for a mode that takes the party", () => {
    expect(quickMatchBlock(null, connectFour)).toBeNull();
    expect(quickMatchBlock({ leader: true, leaderName: "Ada", size: 2 }, teams)).toBeNull();
    expect(quickMatchBlock({ leader: true, leaderName: "Ada", size: 3 }, liarsDice)).toBeNull();
    // A party of one is a player alone.
    expect(quickMatchBlock({ leader: true, leaderName: "Ada", size: 1 }, connectFour)).toBeNull();
  });

  it("says why not: a member waits for the leader, and a party too large for the mode cannot queue", () => {
    expect(quickMatchBlock({ leader: false, leaderName: "Ada", size: 2 }, teams)).toBe(
      "Ada leads your party and starts the search.",
    );
    expect(quickMatchBlock({ leader: true, leaderName: "Ada", size: 2 }, connectFour)).toMatch(
      /One against one: no parties/,
    );
    expect(quickMatchBlock({ leader: true, leaderName: "Ada", size: 3 }, teams)).toBe(
      "Takes parties of up to 2; yours has 3.",
    );
  });
});
