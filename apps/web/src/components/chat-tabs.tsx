import type { ChatMessage, ChatScope } from "@lobby/contracts";
import { useEffect, useId, useRef, useState, type KeyboardEvent } from "react";
import { partyMessages } from "../chat-state";
import { markPartyChatSeen, unreadPartyLines } from "../party-state";
import type { NameLabels } from "../room-names";
import { update, useLobbyStore } from "../store";
import { ChatPanel } from "./chat-panel";
import { PartyIcon } from "./party-icons";

/*
 * The lobby's and the room's chat, each with a Party tab while the player is
 * in a party, so friends can talk wherever each of them is. The Party tab
 * counts the lines that arrived while another tab was open.
 */

interface ChatTab {
  scope: ChatScope;
  /** The tab's name. */
  label: string;
  /** The panel's name for screen readers. */
  title: string;
  messages: readonly ChatMessage[];
  emptyText: string;
  readOnlyNote?: string | null;
  names?: NameLabels;
}

/** The lobby's chat, and the party's beside it. */
export function LobbyChat({ messages }: { messages: readonly ChatMessage[] }) {
  return (
    <ChatWithParty
      main={{
        scope: "lobby",
        label: "Lobby",
        title: "Chat",
        messages,
        emptyText: "No messages yet. Say hi to everyone in the lobby!",
      }}
    />
  );
}

/** The room's chat, read-only for spectators, and the party's beside it; the same before and during games. */
export function RoomChatPanel({
  messages,
  watching,
  emptyText,
  names,
}: {
  messages: readonly ChatMessage[];
  watching: boolean;
  emptyText: string;
  /** What to call players whose name someone else in the room shares. */
  names: NameLabels;
}) {
  return (
    <ChatWithParty
      main={{
        scope: "room",
        label: "Room",
        title: "Room chat",
        messages,
        emptyText,
        readOnlyNote: watching ? "Spectators can read the chat but not write in it." : null,
        names,
      }}
    />
  );
}

function ChatWithParty({ main }: { main: ChatTab }) {
  const inParty = useLobbyStore((s) => s.party !== null);
  const party = useLobbyStore(partyMessages);
  const unread = useLobbyStore(unreadPartyLines);
  const [open, setOpen] = useState<ChatScope>(main.scope);
  const showing = inParty ? open : main.scope;

  // Reading the party's tab reads its lines, new ones included.
  useEffect(() => {
    if (showing === "party") update(markPartyChatSeen);
  }, [showing, party]);

  if (!inParty) return <ChatPanel {...main} />;
  const tabs: ChatTab[] = [
    main,
    {
      scope: "party",
      label: "Party",
      title: "Party chat",
      messages: party,
      emptyText: "Only your party sees this chat, wherever each of you is.",
    },
  ];
  return <TabbedChat tabs={tabs} open={showing} onOpen={setOpen} unread={showing === "party" ? 0 : unread} />;
}

interface TabbedChatProps {
  tabs: readonly ChatTab[];
  open: ChatScope;
  onOpen: (scope: ChatScope) => void;
  /** Unread party lines, shown on the Party tab. */
  unread: number;
}

function TabbedChat({ tabs, open, onOpen, unread }: TabbedChatProps) {
  const baseId = useId();
  const buttons = useRef(new Map<ChatScope, HTMLButtonElement>());
  const current = tabs.find((tab) => tab.scope === open) ?? tabs[0];
  if (!current) return null;
  const tabId = (scope: ChatScope) => `${baseId}-tab-${scope}`;
  const panelId = `${baseId}-panel`;

  // Arrow keys move between tabs (and open them), as in any tab list.
  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    const step = event.key === "ArrowRight" ? 1 : event.key === "ArrowLeft" ? -1 : 0;
    if (step === 0) return;
    event.preventDefault();
    const index = tabs.findIndex((tab) => tab.scope === open);
    const next = tabs[(index + step + tabs.length) % tabs.length];
    if (!next) return;
    onOpen(next.scope);
    buttons.current.get(next.scope)?.focus();
  }

  const bar = (
    <div className="chat-tabs" role="tablist" aria-label="Chats" onKeyDown={onKeyDown}>
      {tabs.map((tab) => {
        const selected = tab.scope === current.scope;
        return (
          <button
            key={tab.scope}
            ref={(element) => {
              if (element) buttons.current.set(tab.scope, element);
              else buttons.current.delete(tab.scope);
            }}
            type="button"
            role="tab"
            id={tabId(tab.scope)}
            className="chat-tab"
            aria-selected={selected}
            aria-controls={panelId}
            tabIndex={selected ? 0 : -1}
            onClick={() => onOpen(tab.scope)}
          >
            {tab.scope === "party" && <PartyIcon className="chat-tab-icon" />}
            {tab.label}
            {tab.scope === "party" && unread > 0 && (
              <span className="chat-unread" data-testid="party-unread">
                {unread}
                <span className="visually-hidden"> unread</span>
              </span>
            )}
          </button>
        );
      })}
    </div>
  );

  return (
    <ChatPanel
      key={current.scope}
      scope={current.scope}
      title={current.title}
      messages={current.messages}
      readOnlyNote={current.readOnlyNote ?? null}
      emptyText={current.emptyText}
      {...(current.names ? { names: current.names } : {})}
      tabs={{ bar, tabId: tabId(current.scope), panelId }}
    />
  );
}
