import type { Readable } from 'node:stream';

/** The last `capacity` lines of a process's output (stdout and stderr interleaved). */
export class LogRing {
  private readonly lines: string[] = [];

  /** @param capacity how many lines to keep (default 2000). */
  constructor(private readonly capacity = 2000) {}

  /** Appends one line, dropping the oldest when full. */
  push(line: string): void {
    this.lines.push(line);
    if (this.lines.length > this.capacity) this.lines.shift();
  }

  /** Follows a stream line by line; `onLine` also sees each line (e.g. a `log` callback). */
  follow(stream: Readable | null, onLine?: (line: string) => void): void {
    if (!stream) return;
    let partial = '';
    stream.setEncoding('utf8');
    stream.on('data', (chunk: string) => {
      const parts = (partial + chunk).split('\n');
      partial = parts.pop() ?? '';
      for (const line of parts) {
        this.push(line);
        onLine?.(line);
      }
    });
    stream.on('end', () => {
      if (partial) this.push(partial);
      partial = '';
    });
  }

  /** The last `count` lines joined with newlines (default 50). */
  tail(count = 50): string {
    return this.lines.slice(-count).join('\n');
  }
}
