/**
 * XState actor → Svelte runes, in a few lines (style.md §7): `snapshot` is a getter that is reactive wherever it is
 * read inside an effect or template, through `createSubscriber`; `send` passes events on. No stores, no
 * @xstate/svelte.
 */
import { createSubscriber } from 'svelte/reactivity';
import { createActor } from 'xstate';
import type { Actor, AnyStateMachine, EventFromLogic, InputFrom, SnapshotFrom } from 'xstate';

export class ActorBridge<M extends AnyStateMachine> {
  readonly actor: Actor<M>;
  readonly #subscribe: () => void;

  constructor(machine: M, input?: InputFrom<M>) {
    // createActor's option tuple is conditional on the machine's input type; the generic M hides which applies.
    this.actor = (createActor as (m: AnyStateMachine, o: { input?: unknown }) => Actor<M>)(machine, input === undefined ? {} : { input });
    this.#subscribe = createSubscriber((update) => {
      const sub = this.actor.subscribe({ next: update, error: update, complete: update });
      return () => sub.unsubscribe();
    });
    this.actor.start();
  }

  get snapshot(): SnapshotFrom<M> {
    this.#subscribe();
    return this.actor.getSnapshot() as SnapshotFrom<M>;
  }

  send(event: EventFromLogic<M>): void {
    this.actor.send(event);
  }

  stop(): void {
    this.actor.stop();
  }
}
