/** Where focus and scrolling go when the Learn view or the panel closes (DOM only; the state is in learn-state). */
import { tick } from 'svelte';
import type { ViewReturn } from './learn-state.svelte.ts';

/** Focuses the heading of the screen on show: the place a keyboard user starts from on any screen. */
export function focusScreenHeading(): void {
  const heading = Array.from(document.querySelectorAll<HTMLElement>('main h1')).find((h) => h.getClientRects().length > 0);
  heading?.focus();
}

/** Once the screen under the Learn view is shown again: its scroll position, then focus where the user left. */
export async function restoreScreen(back: ViewReturn | undefined): Promise<void> {
  await tick();
  window.scrollTo(0, back?.scrollY ?? 0);
  if (back?.opener?.isConnected) {
    back.opener.focus({ preventScroll: true });
    // The position was taken with the panel beside the page (a taller page): if the opener is no longer on screen
    // there, bring it into view so the user is back where they left.
    const el = back.opener;
    if (el instanceof Element) {
      const r = el.getBoundingClientRect();
      if (r.bottom < 0 || r.top > window.innerHeight) el.scrollIntoView({ block: 'center' });
    }
  }
  else focusScreenHeading();
}

/** Runs a layout change (the panel taking room beside the page) and scrolls so `anchor` stays where it was on screen. */
export function keepInPlace(anchor: HTMLElement | undefined, change: () => void): void {
  const before = anchor?.isConnected ? anchor.getBoundingClientRect().top : undefined;
  change();
  if (anchor && before !== undefined) window.scrollBy(0, anchor.getBoundingClientRect().top - before);
}
