// Distinct words, interned for the run. Every stage that reads a word wants its own answer about it (its
// language votes, which patterns it may begin, its n-grams), and a report repeats its words: looking a
// word up once per token and keeping every answer on the word costs one hash lookup where one per
// consumer cost several, each in a table of tens of thousands of words.
import { BoundedMemo } from '../memo.js';
import { foldUmlauts } from './fold.js';

/** Distinct words kept before the table starts over (bounded memory; answers stay the same). */
const TABLE_LIMIT = 50_000;

/** A lower-cased word and the answers its consumers have worked out for it. */
export class Word {
  /** Owner, answer, owner, answer…: a word has few consumers (one per matcher or index), so a list. */
  private readonly answers: unknown[] = [];
  /** The word with ä/ö/å folded (OCR text), once asked. */
  private foldedWord: Word | undefined;

  constructor(readonly lower: string) {}

  /**
   * The owner's answer for this word: `compute(lower)` the first time. The answer must depend only on
   * the owner and the word (pass a function made once, not a new closure).
   */
  answer<V>(owner: object, compute: (lower: string) => V): V {
    const answers = this.answers;
    for (let i = 0; i < answers.length; i += 2) if (answers[i] === owner) return answers[i + 1] as V;
    const value = compute(this.lower);
    answers.push(owner, value);
    return value;
  }

  /** Whether the owner's answer is known. */
  has(owner: object): boolean {
    const answers = this.answers;
    for (let i = 0; i < answers.length; i += 2) if (answers[i] === owner) return true;
    return false;
  }

  /** Forgets the owner's answer (WordMemo keeps large answers on a bounded number of words). */
  forget(owner: object): void {
    const answers = this.answers;
    for (let i = 0; i < answers.length; i += 2) if (answers[i] === owner) answers.splice(i, 2);
  }

  /** The word with ä/ö/å folded, itself interned. */
  folded(): Word {
    this.foldedWord ??= wordOf(foldUmlauts(this.lower));
    return this.foldedWord;
  }
}

/** Words of the last few paragraphs, before the table of the run: a small table stays in the cache. */
const RECENT_LIMIT = 4096;

const table = new BoundedMemo<string, Word>(TABLE_LIMIT);
const recent = new Map<string, Word>();
const make = (lower: string) => new Word(lower);

/** The interned word of a lower-cased string. */
export function wordOf(lower: string): Word {
  let word = recent.get(lower);
  if (word === undefined) {
    word = table.get(lower, make);
    if (recent.size >= RECENT_LIMIT) recent.clear();
    recent.set(lower, word);
  }
  return word;
}

/**
 * Large answers of one owner, kept on at most `limit` words at a time: past that, every word forgets them
 * and they are computed again when asked (bounded memory, the same answers).
 */
export class WordMemo<V> {
  private readonly holders: Word[] = [];

  constructor(
    private readonly limit: number,
    private readonly compute: (lower: string) => V,
  ) {}

  get(word: Word): V {
    if (!word.has(this)) {
      if (this.holders.length >= this.limit) {
        for (const w of this.holders) w.forget(this);
        this.holders.length = 0;
      }
      this.holders.push(word);
    }
    return word.answer(this, this.compute);
  }
}
