// Segment stage: a parsed report → paragraph segments with heading paths, each holding its sentences.
// Headings and tables of contents are structure, not text to code; tables and code are kept out too.
import { detectTextLanguage, detectWords } from '../language/detect.js';
import { LineIndex } from '../positions.js';
import type { Block, Language, Segment, SourceDocument } from '../types.js';
import { boundedSentences, paragraphPieces } from './bounds.js';
import { ParagraphIds } from './paragraph-id.js';
import { handParagraphWords, type ParagraphWords, wordsOfText, wordsWithin } from './paragraph-words.js';
import { sectionPaths } from './sections.js';

const CODED_KINDS = new Set<Block['kind']>(['paragraph', 'list-item', 'blockquote']);

/** Characters of a report its language is told from: its first pages tell it as well as the rest. */
const LANGUAGE_SAMPLE = 200_000;

/**
 * The report's main language, from all of its text (its first LANGUAGE_SAMPLE characters). `words`:
 * documentWords(doc), when the caller has them.
 */
export function reportLanguage(doc: SourceDocument, words?: ParagraphWords): Language {
  const sample = doc.text.length > LANGUAGE_SAMPLE ? doc.text.slice(0, LANGUAGE_SAMPLE) : doc.text;
  const lang = words ? detectWords(words.words, 'fi') : detectTextLanguage(sample, 'fi');
  return lang === 'und' ? 'fi' : lang;
}

/**
 * The tokens and words of a whole report no longer than its language sample, found once for its language
 * and for its paragraphs (paragraphSegments); undefined for a longer report (it is read paragraph by
 * paragraph, so that a 50 MB report never holds all its tokens).
 */
export function documentWords(doc: SourceDocument): ParagraphWords | undefined {
  return doc.text.length > LANGUAGE_SAMPLE ? undefined : wordsOfText(doc.text, 0);
}

export function segmentDocument(doc: SourceDocument): Segment[] {
  return [...paragraphSegments(doc)];
}

/** Paragraph segments one at a time: a 50 MB report is tagged without holding all its segments. */
/**
 * `lang`: the report's language (reportLanguage) when the caller has already worked it out; `words`:
 * documentWords(doc), whose tokens the paragraphs take instead of finding them again.
 */
export function* paragraphSegments(
  doc: SourceDocument,
  lang?: Language,
  words?: ParagraphWords,
): Generator<Segment> {
  const index = new LineIndex(doc.text);
  const paths = sectionPaths(doc.blocks);
  // The report's language is needed only for a paragraph too short to tell: worked out then, once.
  let mainLang: Language | undefined = lang;
  const main = (): Language => {
    mainLang ??= reportLanguage(doc);
    return mainLang;
  };
  const ids = new ParagraphIds();
  for (let i = 0; i < doc.blocks.length; i++) {
    const block = doc.blocks[i] as Block;
    if (!CODED_KINDS.has(block.kind)) continue;
    const section = paths[i] ?? [];
    // Nearly always one piece; a block past MAX_PARAGRAPH_CHARS becomes several (bounds.ts).
    for (const piece of paragraphPieces(doc.text, block.start, block.end)) {
      const text = doc.text.slice(piece.start, piece.end);
      if (text.trim() === '') continue;
      const id = ids.next(text);
      const own = (words && wordsWithin(words, piece.start, piece.end)) ?? wordsOfText(text, piece.start);
      const told = detectWords(own.words, 'und');
      const lang = told === 'und' ? main() : told;
      const sentences: Segment[] = boundedSentences(text, lang === 'sv' ? 'sv' : 'fi').map((s, j) => {
        const start = piece.start + s.start;
        const end = piece.start + s.end;
        return {
          id: `${id}.s${j + 1}`,
          report: doc.report,
          kind: 'sentence',
          start,
          end,
          startPoint: index.point(start),
          endPoint: index.point(end),
          text: doc.text.slice(start, end),
          section,
          blockKind: block.kind,
          lang,
        };
      });
      const paragraph: Segment = {
        id,
        report: doc.report,
        kind: 'paragraph',
        start: piece.start,
        end: piece.end,
        startPoint: index.point(piece.start),
        endPoint: index.point(piece.end),
        text,
        section,
        blockKind: block.kind,
        lang,
        sentences,
        ...(block.location ? { location: block.location } : {}),
      };
      handParagraphWords(paragraph, own);
      yield paragraph;
    }
  }
}
