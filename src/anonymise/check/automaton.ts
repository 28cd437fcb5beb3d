// Aho–Corasick: every pattern found in one pass over a text, however many patterns there are (the leak
// check's literal identifiers: e-mail addresses, web addresses, phone numbers, multi-word names). The
// trie lives in typed arrays: one edge list per node, kept sorted by character.

export interface AutomatonHit {
  start: number;
  end: number;
  /** Index of the pattern in the list the automaton was built from. */
  pattern: number;
}

export class Automaton {
  private readonly edgeChar: number[] = [];
  private readonly edgeTarget: number[] = [];
  private readonly edgeNext: number[] = [];
  private readonly firstEdge: number[] = [-1];
  private readonly output: number[] = [-1];
  private readonly fail: Int32Array;
  /** Next node (by fail links) that ends a pattern, for reporting patterns that end inside others. */
  private readonly dictLink: Int32Array;
  private readonly lengths: number[];

  /** Patterns are matched as given (the caller lower-cases both sides when case does not matter). */
  constructor(patterns: readonly string[]) {
    this.lengths = patterns.map((p) => p.length);
    patterns.forEach((p, index) => {
      if (p.length === 0) return;
      let node = 0;
      for (let i = 0; i < p.length; i++) node = this.child(node, p.charCodeAt(i), true);
      if ((this.output[node] ?? -1) < 0) this.output[node] = index;
    });
    const n = this.firstEdge.length;
    this.fail = new Int32Array(n);
    this.dictLink = new Int32Array(n).fill(-1);
    // Breadth-first: a node's fail link is the longest proper suffix of its path that is in the trie.
    const queue: number[] = [];
    for (let e = this.firstEdge[0] ?? -1; e >= 0; e = this.edgeNext[e] ?? -1)
      queue.push(this.edgeTarget[e] ?? 0);
    for (let q = 0; q < queue.length; q++) {
      const node = queue[q] ?? 0;
      for (let e = this.firstEdge[node] ?? -1; e >= 0; e = this.edgeNext[e] ?? -1) {
        const c = this.edgeChar[e] ?? 0;
        const target = this.edgeTarget[e] ?? 0;
        let f = this.fail[node] ?? 0;
        while (f > 0 && this.child(f, c, false) < 0) f = this.fail[f] ?? 0;
        const next = this.child(f, c, false);
        this.fail[target] = next >= 0 && next !== target ? next : 0;
        const fl = this.fail[target] ?? 0;
        this.dictLink[target] = (this.output[fl] ?? -1) >= 0 ? fl : (this.dictLink[fl] ?? -1);
        queue.push(target);
      }
    }
  }

  get size(): number {
    return this.firstEdge.length;
  }

  private child(node: number, c: number, create: boolean): number {
    for (let e = this.firstEdge[node] ?? -1; e >= 0; e = this.edgeNext[e] ?? -1) {
      if (this.edgeChar[e] === c) return this.edgeTarget[e] ?? -1;
    }
    if (!create) return -1;
    const target = this.firstEdge.length;
    this.firstEdge.push(-1);
    this.output.push(-1);
    this.edgeChar.push(c);
    this.edgeTarget.push(target);
    this.edgeNext.push(this.firstEdge[node] ?? -1);
    this.firstEdge[node] = this.edgeChar.length - 1;
    return target;
  }

  /** Every occurrence of every pattern in `text`, in order of their end. */
  search(text: string): AutomatonHit[] {
    const hits: AutomatonHit[] = [];
    if (this.firstEdge.length <= 1) return hits;
    let node = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      let next = this.child(node, c, false);
      while (next < 0 && node > 0) {
        node = this.fail[node] ?? 0;
        next = this.child(node, c, false);
      }
      node = Math.max(next, 0);
      for (
        let out = (this.output[node] ?? -1) >= 0 ? node : (this.dictLink[node] ?? -1);
        out >= 0;
        out = this.dictLink[out] ?? -1
      ) {
        const pattern = this.output[out] ?? -1;
        const length = this.lengths[pattern] ?? 0;
        hits.push({ start: i + 1 - length, end: i + 1, pattern });
      }
    }
    return hits;
  }
}
