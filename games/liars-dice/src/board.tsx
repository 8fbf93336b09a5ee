import type { BoardProps } from "@lobby/game-kit/web";
import { useId, useState, type FormEvent } from "react";
import { Die } from "./die";
import { seatColourStyle } from "./seat-colours";
import { describeBid, diceOnTable, type Bid } from "./rules";
import { LIARS_DICE_FACES as FACES, type LiarsDiceMove, type LiarsDiceReveal, type LiarsDiceView } from "./schemas";
import {
  bidProblem,
  capitalised,
  describeChallenge,
  describeCount,
  diceCount,
  namer,
  suggestedBid,
  type NameOf,
} from "./table-words";

/*
 * The table: every seat's dice (face down, or face up for the viewer's own),
 * the standing bid and this round's bids, the bid form and the "Call liar"
 * button, and the last challenge with every die it revealed.
 */

type Props = BoardProps<LiarsDiceMove, LiarsDiceView>;

const FACE_LIST = Array.from({ length: FACES }, (_, i) => i + 1);

export function Board({ view, mySeat, seats, phase, onMove }: Props) {
  const nameOf = namer(seats, mySeat);
  const me = mySeat === null ? null : (view.seats[mySeat] ?? null);
  const canAct = phase === "playing" && mySeat !== null && view.turn === mySeat && (me?.dice ?? 0) > 0;
  return (
    <section className="liars-dice" data-testid="liars-dice-board" aria-label="Liar's Dice table">
      <Seats view={view} nameOf={nameOf} mySeat={mySeat} />
      <div className="liars-dice-middle">
        <Bidding view={view} nameOf={nameOf} />
        {mySeat !== null && <MyDice dice={view.myDice ?? []} />}
      </div>
      {mySeat !== null && (me?.dice ?? 0) > 0 && view.turn !== null && (
        <BidForm view={view} canAct={canAct} nameOf={nameOf} onMove={onMove} />
      )}
      {view.reveal && <Reveal reveal={view.reveal} nameOf={nameOf} mySeat={mySeat} />}
    </section>
  );
}

function Seats({ view, nameOf, mySeat }: { view: LiarsDiceView; nameOf: NameOf; mySeat: number | null }) {
  return (
    <ul className="liars-dice-seats" aria-label="Players">
      {view.seats.map((s) => {
        const status = s.left ? "Left" : s.dice === 0 ? "Out" : diceCount(s.dice);
        return (
          <li
            key={s.seat}
            className="liars-dice-seat liars-dice-panel"
            data-testid="liars-dice-seat"
            data-seat-index={s.seat}
            data-turn={view.turn === s.seat ? "true" : undefined}
            data-out={s.dice === 0 ? "true" : undefined}
            data-me={s.seat === mySeat ? "true" : undefined}
            aria-current={view.turn === s.seat ? "true" : undefined}
            style={seatColourStyle(s.seat)}
          >
            <span className="liars-dice-seat-name">
              <span className="liars-dice-seat-dot" aria-hidden="true" />
              {capitalised(nameOf(s.seat))}
            </span>
            <span className="liars-dice-seat-dice">
              {s.dice === 0 ? (
                <span className="liars-dice-seat-out">{status}</span>
              ) : (
                <>
                  {Array.from({ length: s.dice }, (_, i) => (
                    <Die key={i} face={null} />
                  ))}
                  <span className="liars-dice-sr">{status}</span>
                </>
              )}
            </span>
            {view.turn === s.seat && <span className="liars-dice-seat-turn">to move</span>}
          </li>
        );
      })}
    </ul>
  );
}

function Bidding({ view, nameOf }: { view: LiarsDiceView; nameOf: NameOf }) {
  return (
    <div className="liars-dice-bidding">
      <p className="liars-dice-bid" data-testid="current-bid" aria-live="polite">
        {view.bid ? (
          <>
            <span className="liars-dice-bid-who">{capitalised(nameOf(view.bid.seat))} bid</span>
            <BidText bid={view.bid} />
          </>
        ) : (
          <span className="liars-dice-bid-who">
            {view.turn === null ? "No bids" : "No bid yet: the bidding is open"}
          </span>
        )}
      </p>
      <ol className="liars-dice-history" data-testid="bid-history" aria-label={`Bids in round ${view.round}`}>
        {view.bids.map((bid, i) => (
          <li key={i}>
            {capitalised(nameOf(bid.seat))}: {describeBid(bid)}
          </li>
        ))}
      </ol>
    </div>
  );
}

function BidText({ bid }: { bid: Bid }) {
  return (
    <span className="liars-dice-bid-text">
      <strong aria-hidden="true">{bid.quantity} ×</strong>
      <Die face={bid.face} />
      <span className="liars-dice-sr">{describeBid(bid)}</span>
    </span>
  );
}

function MyDice({ dice }: { dice: readonly number[] }) {
  return (
    <div className="liars-dice-mine">
      <h3 className="liars-dice-label">Your dice</h3>
      {dice.length === 0 ? (
        <p data-testid="my-dice" className="liars-dice-seat-out">
          You are out of dice.
        </p>
      ) : (
        <ul className="liars-dice-hand" data-testid="my-dice" aria-label="Your dice">
          {dice.map((face, i) => (
            <li key={i}>
              <Die face={face} label={String(face)} />
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

interface Draft extends Bid {
  /** The bid the draft was made against; a new bid on the table discards it. */
  against: string;
}

interface BidFormProps {
  view: LiarsDiceView;
  canAct: boolean;
  nameOf: NameOf;
  onMove: Props["onMove"];
}

function BidForm({ view, canAct, nameOf, onMove }: BidFormProps) {
  const ids = useId();
  const against = `${view.round}:${view.bids.length}`;
  const [stored, setStored] = useState<Draft | null>(null);
  const draft: Bid = stored?.against === against ? stored : suggestedBid(view, stored?.face);
  const total = diceOnTable(view);
  const problem = bidProblem(view, draft);
  const set = (change: Partial<Bid>) => setStored({ ...draft, ...change, against });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!canAct || problem) return;
    onMove({ mode: "liars-dice", action: "bid", quantity: draft.quantity, face: draft.face });
  };

  return (
    <form className="liars-dice-form liars-dice-panel" onSubmit={submit} aria-label="Your move">
      <div className="liars-dice-field">
        <label className="liars-dice-label" htmlFor={`${ids}-quantity`}>
          Quantity
        </label>
        <div className="liars-dice-stepper">
          <button
            type="button"
            className="liars-dice-step"
            aria-label="One die fewer"
            disabled={!canAct || draft.quantity <= 1}
            onClick={() => set({ quantity: draft.quantity - 1 })}
          >
            −
          </button>
          <input
            id={`${ids}-quantity`}
            className="liars-dice-quantity"
            type="number"
            inputMode="numeric"
            min={1}
            max={total}
            value={draft.quantity}
            disabled={!canAct}
            aria-describedby={problem ? `${ids}-problem` : undefined}
            onChange={(event) => {
              const quantity = Number.parseInt(event.target.value, 10);
              if (Number.isFinite(quantity)) set({ quantity: Math.max(1, Math.min(total, quantity)) });
            }}
          />
          <button
            type="button"
            className="liars-dice-step"
            aria-label="One die more"
            disabled={!canAct || draft.quantity >= total}
            onClick={() => set({ quantity: draft.quantity + 1 })}
          >
            +
          </button>
        </div>
      </div>
      <div className="liars-dice-field">
        <span className="liars-dice-label" id={`${ids}-face`}>
          Face
        </span>
        <div className="liars-dice-faces" role="radiogroup" aria-labelledby={`${ids}-face`}>
          {FACE_LIST.map((face) => (
            <label key={face} className="liars-dice-face" data-checked={draft.face === face ? "true" : undefined}>
              <input
                className="liars-dice-sr"
                type="radio"
                name={`${ids}-face`}
                value={face}
                checked={draft.face === face}
                disabled={!canAct}
                onChange={() => set({ face })}
              />
              <Die face={face} label={String(face)} />
            </label>
          ))}
        </div>
      </div>
      <div className="liars-dice-actions">
        <button type="submit" className="button button--primary" disabled={!canAct || problem !== null}>
          Bid
        </button>
        <button
          type="button"
          className="button button--ghost liars-dice-liar"
          disabled={!canAct || view.bid === null}
          onClick={() => onMove({ mode: "liars-dice", action: "challenge" })}
        >
          Call liar
        </button>
      </div>
      <p className="liars-dice-hint" id={`${ids}-problem`} aria-live="polite">
        {canAct
          ? (problem ?? `Bid ${describeBid(draft)}?`)
          : view.turn === null
            ? "Wait for your turn."
            : `Waiting for ${nameOf(view.turn)}…`}
      </p>
    </form>
  );
}

function Reveal({ reveal, nameOf, mySeat }: { reveal: LiarsDiceReveal; nameOf: NameOf; mySeat: number | null }) {
  return (
    <section
      className="liars-dice-reveal liars-dice-panel"
      data-testid="reveal"
      aria-label={`Round ${reveal.round} revealed`}
    >
      <h3 className="liars-dice-reveal-title">{describeChallenge(reveal, nameOf, mySeat)}</h3>
      <p className="liars-dice-reveal-count">
        The bid was {describeBid(reveal.bid)}. {describeCount(reveal)}
      </p>
      <ul className="liars-dice-reveal-hands">
        {reveal.dice.map((hand, seat) =>
          hand.length === 0 ? null : (
            <li key={seat} className="liars-dice-reveal-hand" data-loser={seat === reveal.loser ? "true" : undefined}>
              <span className="liars-dice-seat-name">{capitalised(nameOf(seat))}</span>
              <span className="liars-dice-hand">
                {hand.map((face, i) => {
                  const match = face === reveal.bid.face;
                  return <Die key={i} face={face} match={match} label={match ? `${face}, counts` : String(face)} />;
                })}
              </span>
            </li>
          ),
        )}
      </ul>
    </section>
  );
}
