// out/synthesis.docx: the same draft as synthesis.md, as a Word document the evaluator edits in place.
// Heading styles are Word's own (so the table of contents and navigation work); quotes have their own style.
// docx loads only when a document is written (a run without the synthesis format never needs it).
import type { Paragraph } from 'docx';
import type { Codebook } from '../codebook/types.js';
import type { Tables } from '../types.js';
import { stripXmlInvalid } from './escape.js';
import { reviewStrings } from './review-strings.js';
import { buildSynthesis, type SynthesisSection } from './synthesis.js';
import { type UiLang, uiStrings } from './ui-strings.js';
import { repackOfficeDeterministic } from './zip-deterministic.js';

const LOCALE: Record<UiLang, string> = { fi: 'fi-FI', en: 'en-GB', sv: 'sv-FI' };
const MUTED = '595959';
const PLACEHOLDER = 'A6A6A6';

type Docx = typeof import('docx');

function text(
  { TextRun }: Docx,
  value: string,
  options: { italics?: boolean; color?: string; size?: number; bold?: boolean } = {},
) {
  return new TextRun({ text: stripXmlInvalid(value), ...options });
}

function sectionParagraphs(
  docx: Docx,
  section: SynthesisSection,
  placeholder: string,
  lang: UiLang,
): Paragraph[] {
  const { HeadingLevel, Paragraph } = docx;
  const ui = uiStrings(lang);
  const [open, close] = lang === 'en' ? ['“', '”'] : ['”', '”'];
  const out = [
    new Paragraph({
      heading: HeadingLevel.HEADING_2,
      children: [text(docx, `${section.number}. ${section.title}`)],
    }),
    new Paragraph({ children: [text(docx, section.meta, { italics: true, color: MUTED })] }),
    new Paragraph({ children: [text(docx, placeholder, { color: PLACEHOLDER })] }),
  ];
  if (section.quotes.length === 0) {
    out.push(new Paragraph({ children: [text(docx, ui.noQuotes, { italics: true, color: MUTED })] }));
  }
  for (const quote of section.quotes) {
    quote.paragraphs.forEach((p, i, all) => {
      const body = `${i === 0 ? open : ''}${p}${i === all.length - 1 ? close : ''}`;
      out.push(new Paragraph({ style: 'Lainaus', children: [text(docx, body)] }));
    });
    out.push(new Paragraph({ style: 'LainauksenLahde', children: [text(docx, `— ${quote.source}`)] }));
  }
  if (section.memos) {
    // The evaluator's memos (review decisions), anonymised, under the theme they concern.
    out.push(
      new Paragraph({
        children: [text(docx, `${reviewStrings(lang).memos}:`, { italics: true, color: MUTED })],
      }),
    );
    for (const memo of section.memos)
      out.push(new Paragraph({ bullet: { level: 0 }, children: [text(docx, memo)] }));
  }
  return out;
}

export async function renderSynthesisDocx(
  tables: Tables,
  codebook: Codebook,
  lang: UiLang,
  options: { created?: Date } = {},
): Promise<Uint8Array> {
  const docx = await import('docx');
  const { AlignmentType, Document, HeadingLevel, Packer, Paragraph } = docx;
  const draft = buildSynthesis(tables, codebook, lang);
  const children: Paragraph[] = [
    new Paragraph({ heading: HeadingLevel.TITLE, children: [text(docx, draft.title)] }),
    new Paragraph({ children: [text(docx, draft.note, { italics: true, color: MUTED })] }),
  ];
  for (const chapter of draft.chapters) {
    children.push(
      new Paragraph({
        heading: HeadingLevel.HEADING_1,
        children: [text(docx, `${chapter.number}. ${chapter.title}`)],
      }),
    );
    if (chapter.meta)
      children.push(new Paragraph({ children: [text(docx, chapter.meta, { italics: true, color: MUTED })] }));
    for (const p of chapter.paragraphs) {
      const isPlaceholder = p.startsWith('[') && p.endsWith(']');
      children.push(
        new Paragraph({ children: [text(docx, p, isPlaceholder ? { color: PLACEHOLDER } : {})] }),
      );
    }
    for (const section of chapter.sections)
      children.push(...sectionParagraphs(docx, section, draft.placeholder, lang));
  }
  const doc = new Document({
    creator: 'analyse',
    lastModifiedBy: 'analyse',
    title: draft.title,
    revision: 1,
    styles: {
      default: {
        document: {
          run: { font: 'Calibri', size: 22, language: { value: LOCALE[lang] } },
          paragraph: { spacing: { after: 120 } },
        },
      },
      paragraphStyles: [
        {
          id: 'Lainaus',
          name: uiStrings(lang).quote,
          basedOn: 'Normal',
          next: 'Normal',
          quickFormat: true,
          paragraph: {
            indent: { left: 720, right: 720 },
            spacing: { after: 60 },
            alignment: AlignmentType.LEFT,
          },
        },
        {
          id: 'LainauksenLahde',
          name: `${uiStrings(lang).quote} – ${uiStrings(lang).report.toLowerCase()}`,
          basedOn: 'Normal',
          next: 'Normal',
          run: { size: 18, color: MUTED },
          paragraph: { indent: { left: 720 }, spacing: { after: 200 } },
        },
      ],
    },
    sections: [{ children }],
  });
  const bytes = new Uint8Array(await Packer.toArrayBuffer(doc));
  return repackOfficeDeterministic(bytes, options.created);
}
