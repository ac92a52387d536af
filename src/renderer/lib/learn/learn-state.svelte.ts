/**
 * What the knowledge base shows (issue 10): the article in the side panel (and where in it), the articles walked
 * through with links inside the panel, and whether the Learn view covers the current screen. The screens stay
 * mounted underneath the Learn view, so the wizard step or result is there, untouched, when the user comes back.
 * Shared with a typed context (style.md §7). DOM work (focus, scrolling) stays in the components: this module only
 * remembers what to give focus back to.
 */
import { createContext } from 'svelte';
import type { ArticleLocation, TopicRef } from '../../../kb/types.ts';
import type { Kb } from './kb-loader.ts';

/** An article and, optionally, the section (heading anchor) to open it at. */
export interface ArticlePlace {
  readonly id: string;
  readonly section?: string;
}

/** What focus goes back to: the button that opened the panel or the view (an HTMLElement in the app). */
export interface Focusable {
  focus(options?: { preventScroll?: boolean }): void;
  readonly isConnected: boolean;
}

export interface LearnOptions {
  /** Loads the knowledge base (lazily, kb-loader.ts). */
  readonly load: () => Promise<Kb>;
  /** Announces a sentence politely (the app's live region). */
  readonly say: (text: string) => void;
}

/** What to restore when the Learn view closes: the page's scroll position and the control that opened it. */
export interface ViewReturn {
  readonly scrollY: number;
  readonly opener: Focusable | undefined;
}

export class LearnState {
  kb = $state.raw<Kb | undefined>(undefined);
  /** The article in the side panel; undefined while it is closed. */
  place = $state.raw<ArticlePlace | undefined>(undefined);
  /** Places left by following links inside the panel, most recent last (the panel's Back button). */
  trail = $state.raw<readonly ArticlePlace[]>([]);
  /** Counts every opening, so opening the same place again still scrolls to it and moves focus. */
  visits = $state(0);
  /** True while the Learn view (list and search) covers the current screen. */
  viewOpen = $state(false);
  /** The Learn view's search text, kept while the view is closed. */
  query = $state('');
  #opener: Focusable | undefined;
  #viewReturn: ViewReturn | undefined;
  #loading: Promise<Kb | undefined> | undefined;

  constructor(private readonly options: LearnOptions) {}

  /** The control that opened the panel (the panel keeps it where it was on screen while the page makes room). */
  get opener(): Focusable | undefined {
    return this.#opener;
  }

  /** Loads the knowledge base once; says so (and answers undefined) when it cannot be loaded. */
  load(): Promise<Kb | undefined> {
    if (this.kb) return Promise.resolve(this.kb);
    this.#loading ??= this.options.load().then(
      (kb) => (this.kb = kb),
      (e: unknown) => {
        this.#loading = undefined;
        this.options.say(`The knowledge base could not be loaded: ${e instanceof Error ? e.message : String(e)}`);
        return undefined;
      },
    );
    return this.#loading;
  }

  /** "Why we ask" / "Learn more": opens the article that explains a question, finding, remediation or command. */
  async openTopic(topic: TopicRef, opener?: Focusable): Promise<ArticleLocation | undefined> {
    const kb = await this.load();
    if (!kb) return undefined;
    const location = kb.articleFor(topic);
    if (!location) {
      this.options.say(`No article explains ${Object.values(topic)[0]} yet.`);
      return undefined;
    }
    this.openArticle(location.section !== undefined ? { id: location.id, section: location.section } : { id: location.id }, opener);
    return location;
  }

  /** Opens an article in the panel from outside it (a button, the Learn list): a fresh Back trail. */
  openArticle(place: ArticlePlace, opener?: Focusable): void {
    this.#opener = opener;
    this.trail = [];
    this.#show(place);
  }

  /** A `kb:` link inside the panel: the current place goes on the Back trail. */
  follow(place: ArticlePlace): void {
    if (this.place) this.trail = [...this.trail, this.place];
    this.#show(place);
  }

  /** Back to the place before the last link followed inside the panel. */
  back(): void {
    const previous = this.trail[this.trail.length - 1];
    if (!previous) return;
    this.trail = this.trail.slice(0, -1);
    this.#show(previous);
  }

  /**
   * Closes the panel. Answers the control that opened it, to give focus back to once the page has settled, or
   * undefined when that is no longer on the page (a Learn list since closed).
   */
  close(): Focusable | undefined {
    const opener = this.#opener;
    this.place = undefined;
    this.trail = [];
    this.#opener = undefined;
    return opener?.isConnected ? opener : undefined;
  }

  /** Shows the Learn view over the current screen, remembering where the user was. */
  openView(opener: Focusable | undefined, scrollY: number): void {
    if (this.viewOpen) return;
    this.#viewReturn = { scrollY, opener };
    this.viewOpen = true;
    void this.load();
  }

  /**
   * "All articles" in the panel: the panel closes and the Learn view opens; leaving the view gives focus to the
   * control that had opened the panel.
   */
  browseAll(scrollY: number): void {
    const opener = this.#opener;
    this.place = undefined;
    this.trail = [];
    this.#opener = undefined;
    this.openView(opener, scrollY);
  }

  /** Hides the Learn view; the caller restores the returned scroll position and focus once the screen is back. */
  closeView(): ViewReturn | undefined {
    if (!this.viewOpen) return undefined;
    this.viewOpen = false;
    const back = this.#viewReturn;
    this.#viewReturn = undefined;
    return back;
  }

  #show(place: ArticlePlace): void {
    this.place = place;
    this.visits++;
  }
}

const [getLearnStrict, setLearnContext, hasLearn] = createContext<LearnState>();

export const setLearn = setLearnContext;

/** The Learn state, or undefined where no app set it (a component rendered on its own): buttons then hide. */
export function getLearn(): LearnState | undefined {
  return hasLearn() ? getLearnStrict() : undefined;
}
