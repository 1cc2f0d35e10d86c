/** ECMA-48 control sequences: cursor up `n` lines, erase the whole line, erase from the cursor to the end of the screen. */
const cursorUp = (lines: number) => `\x1b[${lines}A`;
const ERASE_LINE = '\x1b[2K';
const ERASE_BELOW = '\x1b[J';

/** Options of a {@link LiveViewPainter}. */
export interface LiveViewPainterOptions {
  /** Where the text goes (stdout). */
  write(text: string): void;
  /**
   * `true` on a terminal: the view is redrawn in place. `false` (a pipe, a file, CI): the view
   * is appended as plain text, without control sequences, at most every `appendEveryMs`.
   */
  readonly interactive: boolean;
  /** @default 5000 */
  readonly appendEveryMs?: number;
  /** @default Date.now */
  readonly now?: () => number;
}

/**
 * Draws the live view. On a terminal it redraws only its own lines: back to the first of them
 * (carriage return, cursor up), then each line erased and written again, then the rest of the
 * screen below erased (a `^C` echoed by the terminal, a view that got shorter). Whatever was
 * printed above the view stays. Messages go above the view through {@link print}.
 *
 * @example
 * ```ts
 * const painter = new LiveViewPainter({ write: (text) => process.stdout.write(text), interactive: process.stdout.isTTY });
 * painter.paint('12 s\nreadings 600');
 * painter.print('warning: something happened\n'); // above the view, which is drawn again below it
 * ```
 */
export class LiveViewPainter {
  private linesOnScreen = 0;
  private lastView: string | undefined;
  private lastAppendMs: number | undefined;

  constructor(private readonly options: LiveViewPainterOptions) {}

  /** Shows `view`; when not interactive, only if `force` or the last one is old enough. */
  paint(view: string, { force = false }: { force?: boolean } = {}): void {
    this.lastView = view;
    if (this.options.interactive) {
      const lines = view.split('\n');
      this.options.write(`${this.backToTop()}${lines.map((line) => `${ERASE_LINE}${line}\n`).join('')}${ERASE_BELOW}`);
      this.linesOnScreen = lines.length;
      return;
    }
    const now = (this.options.now ?? Date.now)();
    if (!force && this.lastAppendMs !== undefined && now - this.lastAppendMs < (this.options.appendEveryMs ?? 5_000)) return;
    this.lastAppendMs = now;
    this.options.write(`${view}\n\n`);
  }

  /** Prints `text` (ending in a newline) above the view, then draws the view again below it. */
  print(text: string): void {
    if (!this.options.interactive || this.linesOnScreen === 0) {
      this.options.write(text);
      return;
    }
    this.options.write(`${this.backToTop()}${ERASE_BELOW}${text}`);
    this.linesOnScreen = 0;
    if (this.lastView !== undefined) this.paint(this.lastView);
  }

  /** Leaves the view where it is: what is written next goes below it. */
  release(): void {
    this.linesOnScreen = 0;
  }

  private backToTop(): string {
    return this.linesOnScreen > 0 ? `\r${cursorUp(this.linesOnScreen)}` : '\r';
  }
}
