import { CHAT_MAX_LENGTH, type ChatMessage, type ChatScope } from "@lobby/contracts";
import { useId, useLayoutEffect, useRef, useState, type FormEvent, type KeyboardEvent, type ReactNode } from "react";
import { chatItems, FOLD_FROM } from "../chat-lines";
import { lobbyConnection } from "../lobby-connection";
import { labelOf, NO_LABELS, type NameLabels } from "../room-names";
import { useLobbyStore } from "../store";

interface ChatPanelProps {
  scope: ChatScope;
  title: string;
  messages: readonly ChatMessage[];
  /** Why this viewer can only read (spectators); null when they may write. */
  readOnlyNote?: string | null;
  /** Shown when there are no messages yet. */
  emptyText: string;
  /** Tabs shown in place of the title: the panel is then the open tab's (see chat-tabs.tsx). */
  tabs?: { bar: ReactNode; tabId: string; panelId: string };
  /** What to call senders whose name someone else here shares (room-names.ts). */
  names?: NameLabels;
}

/** Show the counter once the message gets this close to the limit. */
const COUNTER_FROM = CHAT_MAX_LENGTH - 100;
/** Within this many pixels of the bottom counts as "reading the newest". */
const STICK_PX = 32;

const timeFormat = new Intl.DateTimeFormat(undefined, { hour: "2-digit", minute: "2-digit" });

/*
 * Plain text only: every message is rendered through React's escaping, never
 * as HTML. The log follows new messages unless the reader scrolled up.
 */
export function ChatPanel({
  scope,
  title,
  messages,
  readOnlyNote = null,
  emptyText,
  tabs,
  names = NO_LABELS,
}: ChatPanelProps) {
  const myId = useLobbyStore((s) => s.session?.player.id ?? "");
  const offset = useLobbyStore((s) => s.clockOffsetMs);
  const log = useRef<HTMLDivElement>(null);
  const [atBottom, setAtBottom] = useState(true);
  const titleId = useId();

  // Follow the newest message while the reader is at the bottom.
  useLayoutEffect(() => {
    const element = log.current;
    if (element && atBottom) element.scrollTop = element.scrollHeight;
  }, [messages, atBottom]);

  function onScroll() {
    const element = log.current;
    if (!element) return;
    setAtBottom(element.scrollHeight - element.scrollTop - element.clientHeight <= STICK_PX);
  }

  return (
    <section
      className="chat"
      data-testid={`${scope}-chat`}
      id={tabs?.panelId}
      role={tabs ? "tabpanel" : undefined}
      aria-labelledby={tabs?.tabId ?? titleId}
    >
      <h2 id={titleId} className={tabs ? "visually-hidden" : "chat-title"}>
        {title}
      </h2>
      {tabs?.bar}
      <div className="chat-log-wrap">
        <div className="chat-log" ref={log} onScroll={onScroll} role="log" aria-labelledby={titleId} tabIndex={0}>
          {messages.length === 0 ? (
            <p className="chat-empty">{emptyText}</p>
          ) : (
            <ol className="chat-list">
              {chatItems(messages).map((item) =>
                item.kind === "news" ? (
                  <NewsRun key={item.id} messages={item.messages} offset={offset} />
                ) : (
                  <ChatLine
                    key={item.message.id}
                    message={item.message}
                    from={item.message.from ? labelOf(names, item.message.from) : "Someone"}
                    mine={item.message.from?.id === myId}
                    time={timeFormat.format(new Date(item.message.at - offset))}
                  />
                ),
              )}
            </ol>
          )}
        </div>
        {!atBottom && messages.length > 0 && (
          <button
            type="button"
            className="chat-jump"
            onClick={() => {
              const element = log.current;
              if (element) element.scrollTop = element.scrollHeight;
              setAtBottom(true);
            }}
          >
            Newest ↓
          </button>
        )}
      </div>
      {readOnlyNote ? <p className="chat-readonly">{readOnlyNote}</p> : <ChatInput scope={scope} />}
    </section>
  );
}

/**
 * The room's own news between the players' lines, each a quiet line; a long
 * run folds to its newest line, and a toggle shows the ones before it.
 */
function NewsRun({ messages, offset }: { messages: readonly ChatMessage[]; offset: number }) {
  const [open, setOpen] = useState(false);
  const folded = messages.length >= FOLD_FROM && !open;
  const shown = folded ? messages.slice(-1) : messages;
  const hidden = messages.length - 1;
  return (
    <>
      {messages.length >= FOLD_FROM && (
        <li className="chat-fold">
          <button type="button" className="chat-fold-button" aria-expanded={open} onClick={() => setOpen(!open)}>
            {open ? "Show fewer updates" : `${hidden} earlier ${hidden === 1 ? "update" : "updates"}`}
          </button>
        </li>
      )}
      {shown.map((message) => (
        <li key={message.id} className="chat-line" data-kind="system">
          <span className="chat-text">{message.text}</span>
          <time className="chat-time">{timeFormat.format(new Date(message.at - offset))}</time>
        </li>
      ))}
    </>
  );
}

function ChatLine({ message, from, mine, time }: { message: ChatMessage; from: string; mine: boolean; time: string }) {
  return (
    <li className="chat-line" data-kind="user" data-mine={mine || undefined}>
      <span className="chat-meta">
        <span className="chat-from">{from}</span>
        {mine && <span className="visually-hidden"> (you)</span>}
        <time className="chat-time">{time}</time>
      </span>
      <span className="chat-text">{message.text}</span>
    </li>
  );
}

function ChatInput({ scope }: { scope: ChatScope }) {
  const [text, setText] = useState("");
  const [busy, setBusy] = useState(false);
  const inputId = useId();
  const counterId = useId();
  const empty = text.trim() === "";

  async function send() {
    if (busy || empty) return;
    setBusy(true);
    const sent = await lobbyConnection.sendChat(scope, text);
    setBusy(false);
    if (sent) setText("");
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    void send();
  }

  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    // Enter sends; Shift+Enter (and Enter while composing with an IME) makes a new line.
    if (event.key !== "Enter" || event.shiftKey || event.nativeEvent.isComposing) return;
    event.preventDefault();
    void send();
  }

  const showCounter = text.length >= COUNTER_FROM;
  return (
    <form className="chat-form" onSubmit={onSubmit}>
      <label htmlFor={inputId} className="visually-hidden">
        Message
      </label>
      <textarea
        id={inputId}
        className="chat-input"
        rows={1}
        maxLength={CHAT_MAX_LENGTH}
        placeholder="Say something…"
        value={text}
        onChange={(event) => setText(event.target.value)}
        onKeyDown={onKeyDown}
        aria-describedby={showCounter ? counterId : undefined}
      />
      {showCounter && (
        <span id={counterId} className="chat-counter" data-full={text.length >= CHAT_MAX_LENGTH || undefined}>
          {text.length}/{CHAT_MAX_LENGTH}
        </span>
      )}
      <button type="submit" className="button button--primary button--small" disabled={empty || busy}>
        Send
      </button>
    </form>
  );
}
