/**
 * The console panel's text: what an exporter printed, kept to the last `maxLines` lines so an hour of demos cannot
 * grow the page. Plain state, no DOM.
 */
export class ConsoleLines {
  private lines: string[] = [];
  private droppedCount = 0;
  private printed = 0;

  constructor(readonly maxLines = 400) {}

  /** Append one printed block (a span); older lines fall off the top past `maxLines`. */
  append(block: string): void {
    this.lines.push(...block.split('\n'));
    this.printed++;
    const over = this.lines.length - this.maxLines;
    if (over > 0) {
      this.lines.splice(0, over);
      this.droppedCount += over;
    }
  }

  get text(): string {
    return this.lines.join('\n');
  }

  get lineCount(): number {
    return this.lines.length;
  }

  /** A mark at the end of what is printed so far (the line the next block starts on), stable as old lines drop. */
  mark(): number {
    return this.droppedCount + this.lines.length;
  }

  /** Where a mark's line is now in `text`, counted from 0; 0 once it has dropped off the top. */
  lineOf(mark: number): number {
    return Math.max(0, Math.min(this.lines.length, mark - this.droppedCount));
  }

  /** Lines no longer kept. */
  get dropped(): number {
    return this.droppedCount;
  }

  /** Blocks (spans) appended since the last clear. */
  get blocks(): number {
    return this.printed;
  }

  clear(): void {
    this.lines = [];
    this.droppedCount = 0;
    this.printed = 0;
  }
}
