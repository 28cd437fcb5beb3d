// out/synthesis.md: a draft synthesis in the shape of the evaluator's own report (seed 000, chapters 2 and 3):
// a chapter per group (successes, challenges; or main themes), a numbered section per theme with its label,
// "mainittu N/M loppuraportissa" and the strongest anonymised quotes, and placeholders where the analysis goes.
import type { Codebook } from '../codebook/types.js';
import type { Quote, Tables } from '../types.js';
import { quoteNotes, quotePlace } from './quote-notes.js';
import { reviewStrings } from './review-strings.js';
import {
  codebookTitle,
  countFor,
  countOf,
  type ThemeGroup,
  themeGroups,
  themeLabel,
} from './theme-groups.js';
import { joinList, type UiLang, type UiStrings, uiStrings } from './ui-strings.js';

/** Quotes per theme in the draft; the evaluator keeps the best and deletes the rest. */
export const SYNTHESIS_QUOTES_PER_THEME = 3;

export interface SynthesisQuote {
  /** Paragraphs of the anonymised quote, whitespace within each collapsed. */
  paragraphs: string[];
  /** "Raportti A · 3. Onnistumiset · rivi 5": where to find it, for the evaluator. */
  source: string;
}

export interface SynthesisSection {
  number: string;
  code: string;
  title: string;
  /** "mainittu 2/3 loppuraportissa · 2 kappaletta". */
  meta: string;
  quotes: SynthesisQuote[];
  /** The evaluator's memos on this code (review decisions), anonymised, each with its alias. */
  memos?: string[];
}

export interface SynthesisChapter {
  number: string;
  title: string;
  /** A main theme's own "mainittu N/M loppuraportissa" (hierarchical codebooks). */
  meta?: string;
  paragraphs: string[];
  sections: SynthesisSection[];
}

export interface SynthesisDraft {
  lang: UiLang;
  title: string;
  note: string;
  /** The line the evaluator replaces with the analysis of a theme. */
  placeholder: string;
  chapters: SynthesisChapter[];
}

/** Lower-cases a label's first letter for use inside a sentence, leaving acronyms ("ICT-…") alone. */
function inSentence(label: string): string {
  const [first, second] = [...label];
  if (first === undefined || second === undefined || second !== second.toLowerCase()) return label;
  return first.toLowerCase() + label.slice(first.length);
}

function chapterTitle(group: ThemeGroup, ui: UiStrings): string {
  if (group.polarity === 'success') return ui.synthesis.successesTitle;
  if (group.polarity === 'challenge') return ui.synthesis.challengesTitle;
  return group.label;
}

/**
 * The part of a quote's heading path shown in shareable outputs: the innermost heading only, and nothing when
 * the path has a single level, because a report's top heading is usually its title, which names the project.
 */
export function shareableSection(section: string): string {
  const parts = section
    .split(' > ')
    .map((p) => p.trim())
    .filter(Boolean);
  return parts.length >= 2 ? (parts[parts.length - 1] ?? '') : '';
}

function quoteOf(quote: Quote, ui: UiStrings, lang: UiLang): SynthesisQuote {
  const paragraphs = quote.text
    .split(/\r?\n\s*\r?\n/)
    .map((p) => p.replace(/\s+/g, ' ').trim())
    .filter(Boolean);
  const source = [
    quote.alias,
    shareableSection(quote.section),
    quotePlace(quote, lang, ui.linesRange),
    ...quoteNotes(quote, lang),
  ]
    .filter(Boolean)
    .join(' · ');
  return { paragraphs, source };
}

/**
 * A code's memos for the draft: only their anonymised text, each with the report's alias (never its name);
 * memos that explain a rejection concern a coding that is not counted, and stay out.
 */
function memosFor(tables: Tables, code: string): string[] {
  const alias = new Map(tables.aliases.map((a) => [a.report, a.alias]));
  return (tables.memos ?? [])
    .filter((m) => m.code === code && m.decision !== 'reject' && (m.shareable ?? '').trim() !== '')
    .map((m) => `${(m.shareable ?? '').replace(/\s+/g, ' ').trim()} (${alias.get(m.report) ?? '?'})`);
}

/** The draft as data, shared by the Markdown and the DOCX renderers. */
export function buildSynthesis(tables: Tables, codebook: Codebook, lang: UiLang): SynthesisDraft {
  const ui = uiStrings(lang);
  const total = tables.reports.length;
  const chapters: SynthesisChapter[] = [
    {
      number: '1',
      title: ui.synthesis.introduction,
      paragraphs: [ui.synthesis.introText(total)],
      sections: [],
    },
  ];
  for (const group of themeGroups(codebook, lang)) {
    const number = String(chapters.length + 1);
    const labels = group.themes.map((t) => inSentence(themeLabel(t, lang)));
    const sections = group.themes.map((theme, i): SynthesisSection => {
      const count = countFor(tables, theme);
      const quotes = tables.quotes
        .filter((q) => q.code === theme.code)
        .sort((a, b) => a.rank - b.rank || b.score - a.score)
        .slice(0, SYNTHESIS_QUOTES_PER_THEME)
        .map((q) => quoteOf(q, ui, lang));
      const memos = memosFor(tables, theme.code);
      return {
        number: `${number}.${i + 1}`,
        code: theme.code,
        title: themeLabel(theme, lang),
        meta: `${ui.mentionedIn(count.reports, total)} · ${ui.paragraphsCount(count.segments)}`,
        quotes,
        ...(memos.length > 0 ? { memos } : {}),
      };
    });
    const mainCount = group.main ? countOf(tables, group.main.code) : undefined;
    chapters.push({
      number,
      title: chapterTitle(group, ui),
      ...(mainCount
        ? { meta: `${ui.mentionedIn(mainCount.reports, total)} · ${ui.paragraphsCount(mainCount.segments)}` }
        : {}),
      paragraphs: [ui.synthesis.groupIntro(group.themes.length, joinList(labels, ui.synthesis.and))],
      sections,
    });
  }
  chapters.push({
    number: String(chapters.length + 1),
    title: ui.synthesis.summary,
    paragraphs: [ui.synthesis.summaryText],
    sections: [],
  });
  return {
    lang,
    title: codebookTitle(codebook, lang),
    note: tables.morphology
      ? `${ui.synthesis.draftNote} ${ui.morphology(tables.morphology)}.`
      : ui.synthesis.draftNote,
    placeholder: ui.synthesis.writeHere,
    chapters,
  };
}

/**
 * Escapes what Markdown would read as markup, and only that, so the draft stays readable: brackets stay as
 * they are (no link references are defined, so "[kunta]" is literal; "](" is broken up), `<` is escaped (HTML), and a
 * leading #, >, +, - or "1." would start a block.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/([\\`*_<|])/g, '\\$1')
    .replace(/\](?=[([])/g, '\\]')
    .replace(/^(\s*)([#>+-])(?=\s|$)/, '$1\\$2')
    .replace(/^(\s*\d+)([.)])(?=\s|$)/, '$1\\$2');
}

export function renderSynthesisMarkdown(tables: Tables, codebook: Codebook, lang: UiLang): string {
  const draft = buildSynthesis(tables, codebook, lang);
  const ui = uiStrings(lang);
  const [open, close] = lang === 'en' ? ['“', '”'] : ['”', '”'];
  const out: string[] = [`# ${escapeMarkdown(draft.title)}`, '', `> *${escapeMarkdown(draft.note)}*`, ''];
  for (const chapter of draft.chapters) {
    out.push(`## ${chapter.number}. ${escapeMarkdown(chapter.title)}`, '');
    if (chapter.meta) out.push(`*${escapeMarkdown(chapter.meta)}*`, '');
    for (const p of chapter.paragraphs) out.push(escapeMarkdown(p), '');
    for (const section of chapter.sections) {
      out.push(`### ${section.number}. ${escapeMarkdown(section.title)}`, '');
      out.push(`*${escapeMarkdown(section.meta)}*`, '');
      out.push(escapeMarkdown(draft.placeholder), '');
      if (section.quotes.length === 0) out.push(`*${escapeMarkdown(ui.noQuotes)}*`, '');
      for (const quote of section.quotes) {
        const paragraphs = quote.paragraphs.map((p, i, all) => {
          const text = escapeMarkdown(p);
          return `${i === 0 ? open : ''}${text}${i === all.length - 1 ? close : ''}`;
        });
        out.push(
          paragraphs.map((p) => `> ${p}`).join('\n>\n'),
          '>',
          `> — ${escapeMarkdown(quote.source)}`,
          '',
        );
      }
      if (section.memos) {
        out.push(`*${escapeMarkdown(reviewStrings(lang).memos)}:*`, '');
        for (const memo of section.memos) out.push(`- ${escapeMarkdown(memo)}`);
        out.push('');
      }
    }
  }
  return `${out.join('\n').trimEnd()}\n`;
}
