// Edits coalesced: when 50 keystrokes arrive faster than a report is analysed, only the newest
// version is analysed and published. A change marks its document; the queue runs one document a
// turn of the event loop, and not while changes are still arriving (vscode-jsonrpc dispatches one
// message a turn, so a turn that brought a change may have more waiting behind it). Requests
// (hover, code actions) are answered between two documents' analyses, and a document re-checked
// because another changed (last year's report) waits behind the one being typed in.
export class AnalysisQueue {
  private readonly pending = new Map<string, 'edited' | 'dependent'>();
  private scheduled = false;
  private changed = false;

  constructor(private readonly run: (uri: string, why: 'edited' | 'dependent') => void) {}

  /** `uri` changed (or its peers did): analyse and publish its newest version soon. */
  add(uri: string, why: 'edited' | 'dependent' = 'edited'): void {
    if (why === 'edited' || !this.pending.has(uri)) {
      this.pending.delete(uri);
      this.pending.set(uri, why);
    }
    if (why === 'edited') this.changed = true;
    this.kick();
  }

  /** The document was closed: nothing to publish. */
  delete(uri: string): void {
    this.pending.delete(uri);
  }

  get size(): number {
    return this.pending.size;
  }

  private kick(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => this.tick());
  }

  private tick(): void {
    this.scheduled = false;
    if (this.changed) {
      // More changes may wait in the message queue: let one more turn pass.
      this.changed = false;
      this.kick();
      return;
    }
    const uri = this.next();
    if (uri === undefined) return;
    const why = this.pending.get(uri) ?? 'edited';
    this.pending.delete(uri);
    try {
      this.run(uri, why);
    } finally {
      if (this.pending.size) this.kick();
    }
  }

  /** Edited documents first, in the order they were last edited; then the dependents. */
  private next(): string | undefined {
    for (const [uri, why] of this.pending) if (why === 'edited') return uri;
    return this.pending.keys().next().value;
  }
}
