/** One grant that stops counting at `at` (epoch ms), valid only while the member's generation is unchanged. */
export interface Expiry {
  at: number;
  member: number;
  key: string;
  generation: number;
}

/**
 * A binary min-heap on `at`. Consent grants with an end date are pushed here; before every count the
 * index pops what has expired, so an expired grant stops counting without any job having to run.
 */
export class ExpiryQueue {
  private readonly heap: Expiry[] = [];

  get size(): number {
    return this.heap.length;
  }

  push(entry: Expiry): void {
    const heap = this.heap;
    heap.push(entry);
    let i = heap.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (heap[parent]!.at <= entry.at) break;
      heap[i] = heap[parent]!;
      i = parent;
    }
    heap[i] = entry;
  }

  /** Removes and yields every entry due at or before `now`, earliest first. */
  *popDue(now: number): Generator<Expiry> {
    while (this.heap.length > 0 && this.heap[0]!.at <= now) yield this.pop()!;
  }

  private pop(): Expiry | undefined {
    const heap = this.heap;
    const top = heap[0];
    const last = heap.pop();
    if (heap.length === 0 || !last) return top;
    let i = 0;
    for (;;) {
      const left = 2 * i + 1;
      if (left >= heap.length) break;
      const right = left + 1;
      const child = right < heap.length && heap[right]!.at < heap[left]!.at ? right : left;
      if (heap[child]!.at >= last.at) break;
      heap[i] = heap[child]!;
      i = child;
    }
    heap[i] = last;
    return top;
  }

  /** Every queued entry, in no particular order. */
  entries(): readonly Expiry[] {
    return this.heap;
  }

  clear(): void {
    this.heap.length = 0;
  }
}
