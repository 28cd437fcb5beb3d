// A memo of bounded size: the hot paths remember an answer per distinct word (a report repeats its
// words), and start over once they hold `limit` answers, so a run of 10,000 reports stays in bounded
// memory. Answers may be undefined (remembered as such).
export class BoundedMemo<K, V> {
  private readonly map = new Map<K, V>();

  constructor(private readonly limit: number) {}

  /** The answer for `key`, from `compute` the first time (pass a function made once, not a new closure). */
  get(key: K, compute: (key: K) => V): V {
    const known = this.map.get(key);
    if (known !== undefined || this.map.has(key)) return known as V;
    const answer = compute(key);
    if (this.map.size >= this.limit) this.map.clear();
    this.map.set(key, answer);
    return answer;
  }

  clear(): void {
    this.map.clear();
  }
}
