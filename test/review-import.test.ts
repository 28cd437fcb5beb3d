// Decisions made elsewhere: the review workbook filled in Excel, and codings made in QualCoder exported as
// .qdpx (a project written the way QualCoder's REFI-QDA export writes one), merged into review.csv.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { mergeIntoDecisionsFile } from '../src/app/review-import.js';
import { importQdpxDecisions } from '../src/app/review-qdpx.js';
import { readDecisionsFile } from '../src/io/decisions-file.js';
import { readReviewWorkbook } from '../src/io/read-review-xlsx.js';
import { renderQdpx, TOOL_USER, userGuid } from '../src/render/qdpx.js';
import { reviewStrings } from '../src/render/review-strings.js';
import { renderReviewXlsx, reviewColumnLetter } from '../src/render/review-xlsx.js';
import { decisionsFromRows } from '../src/review/import-rows.js';
import { reviewOrder } from '../src/review/order.js';
import { parseRefiProject } from '../src/review/refi-model.js';
import type { Coding, Tables } from '../src/types.js';
import { polarityCodebook, sampleSources, sampleTables } from './fixtures/render/sample-tables.js';

const work = mkdtempSync(join(tmpdir(), 'review-import-'));
const who = { reviewer: 'Maija', date: '2026-03-05T10:00:00Z' };
const codes = new Set(polarityCodebook.themes.map((t) => t.code));

describe('review order', () => {
  const c = (code: string, confidence: number, status?: Coding['status'], start = 0): Coding =>
    ({ ...sampleTables.codings[0], code, confidence, start, ...(status ? { status } : {}) }) as Coding;
  it('unreviewed first, least confident band first, then the codes reviewed least', () => {
    const rows = [
      c('a', 0.55, undefined, 1),
      c('b', 0.51, undefined, 2),
      c('a', 0.2, 'accepted', 3),
      c('a', 0.9, undefined, 4),
      c('b', 0.3, undefined, 5),
      c('b', 0.1, 'added', 6),
    ];
    // In band 0.5 b (reviewed 0 times) comes before a (reviewed once) although a is a little less sure.
    expect(reviewOrder(rows).map((r) => r.start)).toEqual([5, 2, 1, 4, 3]);
  });
});

describe('review.xlsx', async () => {
  const tables: Tables = {
    ...sampleTables,
    codings: sampleTables.codings.map((c, i) =>
      i === 0 ? { ...c, status: 'accepted', reviewer: 'Pekka' } : c,
    ),
  };
  const bytes = await renderReviewXlsx(tables, polarityCodebook, 'fi');

  it('is byte-identical across renders', async () => {
    expect(
      Buffer.from(await renderReviewXlsx(tables, polarityCodebook, 'fi')).equals(Buffer.from(bytes)),
    ).toBe(true);
  });

  it('has drop-downs on the decision, quote and add-code columns', () => {
    const sheet = new TextDecoder().decode(unzipSync(bytes)['xl/worksheets/sheet1.xml']);
    const s = reviewStrings('fi');
    const n = tables.codings.length + 1;
    expect(sheet).toContain(
      `sqref="${reviewColumnLetter('decision')}2:${reviewColumnLetter('decision')}${n}"`,
    );
    expect(sheet).toContain(`&quot;${s.decision.accept},${s.decision.reject}&quot;`);
    expect(sheet).toContain(`&quot;${s.quote.pin},${s.quote.exclude}&quot;`);
    expect(sheet).toMatch(/&apos;Koodit&apos;!\$A\$2:\$A\$9/);
  });

  it('reads back, filled in, as decisions merged into review.csv', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0] as ExcelJS.Worksheet;
    const col = (c: Parameters<typeof reviewColumnLetter>[0]) => reviewColumnLetter(c);
    sheet.getCell(`${col('decision')}2`).value = 'hylkää';
    sheet.getCell(`${col('memo')}2`).value = 'Ei tätä';
    sheet.getCell(`${col('quote')}3`).value = 'kiinnitä';
    sheet.getCell(`${col('add')}4`).value = 'challenge.staffing';
    sheet.getCell(`${col('decision')}5`).value = 'accept';
    sheet.getCell(`${col('memo')}6`).value = 'pelkkä muistiinpano';
    sheet.getCell(`${col('decision')}7`).value = 'ehkä';
    const file = join(work, 'filled.xlsx');
    writeFileSync(file, Buffer.from(await workbook.xlsx.writeBuffer()));
    const rows = await readReviewWorkbook(file);
    if (!rows.ok) throw new Error('unreadable');
    const { decisions, diagnostics } = decisionsFromRows(file, rows.value, who, codes);
    const ordered = reviewOrder(tables.codings);
    const at = (row: number) => ordered[row - 2] as Coding;
    expect(decisions.map((d) => [d.paragraph, d.code, d.decision, d.quote, d.memo])).toEqual([
      [at(2).segment, at(2).code, 'reject', '', 'Ei tätä'],
      [at(3).segment, at(3).code, 'accept', 'pin', ''],
      [at(4).segment, 'challenge.staffing', 'add', '', ''],
      [at(5).segment, at(5).code, 'accept', '', ''],
    ]);
    expect(decisions[0]?.text).toBe(at(2).text.replace(/\s+/g, ' ').trim());
    expect(diagnostics.map((d) => d.place?.line)).toEqual([6, 7]);
    const csv = join(work, 'review.csv');
    const merged = await mergeIntoDecisionsFile(csv, decisions, ';');
    expect(merged.ok && merged.value.total).toBe(4);
    const again = await mergeIntoDecisionsFile(csv, decisions.slice(0, 1), ',');
    expect(again.ok && [again.value.replaced, again.value.total]).toEqual([1, 4]);
    expect(readFileSync(csv, 'utf8').split('\n')[0]).toBe(
      '\uFEFFreport;paragraph;code;decision;quote;memo;reviewer;date;text',
    );
    const read = await readDecisionsFile(csv);
    expect(read.ok && read.value.length).toBe(4);
  });
});

describe('codings made in QualCoder, exported as .qdpx', async () => {
  // The reports: the sample sources as files.
  const reportsDir = join(work, 'reports');
  const { mkdirSync } = await import('node:fs');
  mkdirSync(reportsDir);
  for (const s of sampleSources) writeFileSync(join(reportsDir, `${s.report}.txt`), s.text);
  // Our project, paragraphs as the import will segment them: code whole paragraphs of the text files.
  const { readReport } = await import('../src/io/read-report.js');
  const { segmentDocument } = await import('../src/segment/segment.js');
  const paragraphs = new Map<string, { id: string; start: number; end: number; text: string }[]>();
  for (const s of sampleSources) {
    const doc = await readReport(join(reportsDir, `${s.report}.txt`));
    if (!doc.ok) throw new Error(s.report);
    paragraphs.set(s.report, segmentDocument(doc.value));
  }
  const report = 'pohjois-satakunta';
  const [p1, p2, p3] = paragraphs.get(report)?.slice(1) ?? [];
  if (!p1 || !p2 || !p3) throw new Error('fixture');
  const coding = (p: typeof p1, code: string): Coding =>
    ({
      ...sampleTables.codings[0],
      report,
      segment: p.id,
      start: p.start,
      end: p.end,
      code,
      text: p.text,
    }) as Coding;
  const ours: Tables = {
    ...sampleTables,
    codings: [
      coding(p1, 'success.efficiency'),
      coding(p2, 'challenge.vendors'),
      coding(p3, 'challenge.mismatch'),
    ],
  };
  const sources = sampleSources.map((s) => ({ ...s, path: `reports/${s.report}.txt` }));
  const original = join(work, 'project.qdpx');
  writeFileSync(original, await renderQdpx(ours, polarityCodebook, sources));

  // What QualCoder writes after the evaluator deleted the vendors coding and coded p3 as staffing with a
  // memo: new GUIDs for codes, its own user, sources as UTF-8 with BOM, one selection per coding.
  const parsed = parseRefiProject(
    'p',
    new TextDecoder().decode(unzipSync(readFileSync(original))['project.qde']),
  );
  if (!parsed.ok) throw new Error('parse');
  const source = parsed.value.sources.find((s) => s.name === report);
  const codeByName = new Map<string, string>();
  const walk = (list: typeof parsed.value.codes) => {
    for (const c of list) {
      codeByName.set(/^\[([^\]]+)\]/.exec(c.description)?.[1] ?? c.name, c.name);
      walk(c.children);
    }
  };
  walk(parsed.value.codes);
  const qcGuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
  const qcCodes = [...codeByName.entries()].map(([code, name], i) => ({ code, name, guid: qcGuid(100 + i) }));
  const maija = qcGuid(1);
  const reportText = sampleSources.find((s) => s.report === report)?.text ?? '';
  const sel = (p: typeof p1, code: string, user: string, memo = '') => {
    const start = [...reportText.slice(0, p.start).replace(/\r\n/g, '\n')].length;
    const end = start + [...p.text.replace(/\r\n/g, '\n')].length;
    const guid = qcCodes.find((c) => c.code === code)?.guid;
    return `<PlainTextSelection guid="${qcGuid(500 + start)}" startPosition="${start}" endPosition="${end}" name="x" creatingUser="${user}" creationDateTime="2026-03-04T09:00:00Z">\n${memo ? `<Description>${memo}</Description>\n` : ''}<Coding guid="${qcGuid(900 + start)}" creatingUser="${user}" >\n<CodeRef targetGUID="${guid}" />\n</Coding>\n</PlainTextSelection>\n`;
  };
  const qde = `<?xml version="1.0" encoding="utf-8"?>
<Project xmlns:xsd="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" name="x" origin="QualCoder 3.6" creatingUserGUID="${qcGuid(2)}" creationDateTime="2026-03-04T09:00:00Z" xmlns="urn:QDA-XML:project:1.0">
<Users>
<User guid="${userGuid(TOOL_USER)}" name="${TOOL_USER}" />
<User guid="${maija}" name="Maija" />
</Users>
<CodeBook><Codes>
${qcCodes.map((c) => `<Code guid="${c.guid}" name="${c.name}" isCodable="true"><Description>[${c.code}] x</Description></Code>`).join('\n')}
</Codes></CodeBook>
<Sources>
<TextSource plainTextPath="internal://${qcGuid(3)}.txt" creatingUser="${maija}" creationDateTime="2026-03-04T09:00:00Z" guid="${qcGuid(3)}" name="${report}">
<Description>${source?.description}</Description>
${sel(p1, 'success.efficiency', userGuid(TOOL_USER))}${sel(p3, 'challenge.mismatch', userGuid(TOOL_USER))}${sel(p3, 'challenge.staffing', maija, 'Projektipäällikön vaihtuminen')}</TextSource>
</Sources>
</Project>`;
  const text = `\uFEFF${reportText.replace(/\r\n/g, '\n')}`;
  const exported = join(work, 'qualcoder.qdpx');
  writeFileSync(
    exported,
    zipSync({ 'project.qde': strToU8(qde), [`sources/${qcGuid(3)}.txt`]: strToU8(text) }),
  );

  it('turns the evaluator’s codings into accepts and the deleted tool coding into a reject', async () => {
    const r = await importQdpxDecisions(exported, [reportsDir], polarityCodebook, who, original);
    if (!r.ok) throw new Error(JSON.stringify(r.diagnostics));
    expect(r.decisions.map((d) => [d.paragraph, d.code, d.decision, d.reviewer, d.memo])).toEqual([
      [p3.id, 'challenge.staffing', 'accept', 'Maija', 'Projektipäällikön vaihtuminen'],
      [p2.id, 'challenge.vendors', 'reject', 'Maija', ''],
    ]);
    expect(r.decisions[0]?.date).toBe('2026-03-04T09:00:00Z');
  });

  it('without the original project, only the evaluator’s codings', async () => {
    const r = await importQdpxDecisions(exported, [reportsDir], polarityCodebook, who);
    expect(r.ok && r.decisions.map((d) => d.decision)).toEqual(['accept']);
  });

  it('finds the paragraphs by text when the project’s source differs from the report', async () => {
    const edited = `Lisätty johdanto.\n\n${text.slice(1)}`;
    const shifted = qde.replace(/startPosition="(\d+)" endPosition="(\d+)"/g, (_m, a: string, b: string) => {
      const by = [...'Lisätty johdanto.\n\n'].length;
      return `startPosition="${Number(a) + by}" endPosition="${Number(b) + by}"`;
    });
    const file = join(work, 'edited.qdpx');
    writeFileSync(
      file,
      zipSync({ 'project.qde': strToU8(shifted), [`sources/${qcGuid(3)}.txt`]: strToU8(edited) }),
    );
    const r = await importQdpxDecisions(file, [reportsDir], polarityCodebook, who);
    expect(r.ok && r.decisions.map((d) => [d.paragraph, d.code])).toEqual([[p3.id, 'challenge.staffing']]);
  });
});
