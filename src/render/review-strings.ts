// Words of the review workbook and the review page, per interface language. The workbook's column headers
// and drop-down values are read back by `import-review` in any of these languages.
import type { DecisionKind, QuoteMark } from '../review/decisions.js';
import type { UiLang } from './ui-strings.js';

export const REVIEW_COLUMNS = [
  'report',
  'paragraph',
  'section',
  'code',
  'label',
  'confidence',
  'evidence',
  'text',
  'status',
  'decision',
  'quote',
  'add',
  'memo',
] as const;
export type ReviewColumn = (typeof REVIEW_COLUMNS)[number];

export interface ReviewStrings {
  /** Heading of the evaluator's memos under a theme in the synthesis draft. */
  memos: string;
  sheet: string;
  codesSheet: string;
  headers: Record<ReviewColumn, string>;
  decision: Record<Exclude<DecisionKind, 'add'>, string>;
  quote: Record<Exclude<QuoteMark, ''>, string>;
  status: Record<'proposed' | 'accepted' | 'rejected' | 'added', string>;
}

const STRINGS: Record<UiLang, ReviewStrings> = {
  fi: {
    memos: 'Arvioijan muistiinpanot',
    sheet: 'Tarkistus',
    codesSheet: 'Koodit',
    headers: {
      report: 'Raportti',
      paragraph: 'Kappale',
      section: 'Luku',
      code: 'Koodi',
      label: 'Teema',
      confidence: 'Varmuus',
      evidence: 'Perusteet',
      text: 'Kappaleen teksti',
      status: 'Tila',
      decision: 'Päätös',
      quote: 'Lainaus',
      add: 'Lisää koodi',
      memo: 'Muistiinpano',
    },
    decision: { accept: 'hyväksy', reject: 'hylkää' },
    quote: { pin: 'kiinnitä', exclude: 'ei lainaukseksi' },
    status: { proposed: 'ehdotus', accepted: 'hyväksytty', rejected: 'hylätty', added: 'lisätty' },
  },
  sv: {
    memos: 'Granskarens anteckningar',
    sheet: 'Granskning',
    codesSheet: 'Koder',
    headers: {
      report: 'Rapport',
      paragraph: 'Stycke',
      section: 'Avsnitt',
      code: 'Kod',
      label: 'Tema',
      confidence: 'Säkerhet',
      evidence: 'Grunder',
      text: 'Styckets text',
      status: 'Status',
      decision: 'Beslut',
      quote: 'Citat',
      add: 'Lägg till kod',
      memo: 'Anteckning',
    },
    decision: { accept: 'godkänn', reject: 'avvisa' },
    quote: { pin: 'fäst', exclude: 'inte som citat' },
    status: { proposed: 'förslag', accepted: 'godkänd', rejected: 'avvisad', added: 'tillagd' },
  },
  en: {
    memos: "Reviewer's memos",
    sheet: 'Review',
    codesSheet: 'Codes',
    headers: {
      report: 'Report',
      paragraph: 'Paragraph',
      section: 'Section',
      code: 'Code',
      label: 'Theme',
      confidence: 'Confidence',
      evidence: 'Evidence',
      text: 'Paragraph text',
      status: 'Status',
      decision: 'Decision',
      quote: 'Quote',
      add: 'Add code',
      memo: 'Memo',
    },
    decision: { accept: 'accept', reject: 'reject' },
    quote: { pin: 'pin', exclude: 'exclude' },
    status: { proposed: 'proposed', accepted: 'accepted', rejected: 'rejected', added: 'added' },
  },
};

export function reviewStrings(lang: UiLang): ReviewStrings {
  return STRINGS[lang];
}

const lower = (s: string) => s.trim().toLowerCase();

/** A header cell in any language → its column, for reading a workbook back. */
export function columnOfHeader(text: string): ReviewColumn | undefined {
  const t = lower(text);
  for (const s of Object.values(STRINGS))
    for (const c of REVIEW_COLUMNS) if (lower(s.headers[c]) === t || c === t) return c;
  return undefined;
}

/** A decision cell in any language (or the English key) → the decision. */
export function decisionOfCell(text: string): Exclude<DecisionKind, 'add'> | undefined {
  const t = lower(text);
  for (const s of Object.values(STRINGS))
    for (const k of ['accept', 'reject'] as const) if (lower(s.decision[k]) === t || k === t) return k;
  return undefined;
}

/** A quote cell in any language (or the English key) → the mark. */
export function quoteOfCell(text: string): Exclude<QuoteMark, ''> | undefined {
  const t = lower(text);
  for (const s of Object.values(STRINGS))
    for (const k of ['pin', 'exclude'] as const) if (lower(s.quote[k]) === t || k === t) return k;
  return undefined;
}
