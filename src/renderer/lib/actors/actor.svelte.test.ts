import { flushSync } from 'svelte';
import { describe, expect, it } from 'vitest';
import { createMachine } from 'xstate';
import { ActorBridge } from './actor.svelte.ts';

const toggle = createMachine({
  id: 'toggle',
  initial: 'off',
  context: ({ input }: { input?: { label?: string } }) => ({ label: input?.label ?? 'none' }),
  states: { off: { on: { flip: 'on' } }, on: { on: { flip: 'off' } } },
});

describe('ActorBridge', () => {
  it('starts the actor with its input and exposes the snapshot', () => {
    const bridge = new ActorBridge(toggle, { label: 'x' });
    expect(bridge.snapshot.value).toBe('off');
    expect(bridge.snapshot.context.label).toBe('x');
    bridge.stop();
  });

  it('re-runs an effect that reads the snapshot when the actor moves', () => {
    const bridge = new ActorBridge(toggle);
    const seen: string[] = [];
    const cleanup = $effect.root(() => {
      $effect(() => {
        seen.push(String(bridge.snapshot.value));
      });
    });
    flushSync();
    bridge.send({ type: 'flip' });
    flushSync();
    bridge.send({ type: 'flip' });
    flushSync();
    expect(seen).toEqual(['off', 'on', 'off']);
    cleanup();
    bridge.send({ type: 'flip' });
    flushSync();
    expect(seen).toHaveLength(3);
    bridge.stop();
  });
});
