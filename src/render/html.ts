// out/report.html: one self-contained page (inline CSS and SVG, no scripts, no external requests) with the
// bar chart of reports per theme, a heat map of reports × themes and the anonymised quotes per theme.
import type { Codebook, Theme } from '../codebook/types.js';
import type { Quote, Tables } from '../types.js';
import { escapeHtml } from './escape.js';
import { renderBarChart } from './html-chart.js';
import { REPORT_CSS } from './html-style.js';
import { quoteNotes, quotePlace } from './quote-notes.js';
import { shareableSection } from './synthesis.js';
import {
  codebookTitle,
  countFor,
  type ThemeGroup,
  themeColor,
  themeGroups,
  themeLabel,
} from './theme-groups.js';
import { type UiLang, type UiStrings, uiStrings } from './ui-strings.js';

/** Quotes shown per theme; the workbook has all of them. */
const QUOTES_PER_THEME = 5;

const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Background from a pale wash to the accent blue, by the cell's share of the largest count. */
function heatColor(value: number, max: number): { background: string; ink: string } {
  const t = max > 0 ? value / max : 0;
  const from = [235, 244, 255];
  const to = [43, 108, 176];
  const mix = from.map((f, i) => Math.round(f + ((to[i] ?? f) - f) * (0.15 + 0.85 * t)));
  const hex = `#${mix.map((c) => c.toString(16).padStart(2, '0')).join('')}`;
  return { background: hex, ink: t > 0.5 ? '#ffffff' : '#1a365d' };
}

function renderHeatmap(
  tables: Tables,
  codebook: Codebook,
  groups: ThemeGroup[],
  lang: UiLang,
  ui: UiStrings,
): string {
  const themes = groups.flatMap((g) => g.themes);
  // A map, not a search of every report per row: 10,000 reports made that 50 million comparisons.
  const aliasOf = new Map(tables.reports.map((r) => [r.report, r.alias]));
  const rows = [...tables.matrix].map((row) => {
    const alias = aliasOf.get(row.report) ?? row.report;
    return { alias, cells: themes.map((t) => row.cells[t.code] ?? 0) };
  });
  rows.sort((a, b) => compareText(a.alias, b.alias));
  const max = Math.max(0, ...rows.flatMap((r) => r.cells));
  const groupRow = groups
    .map((g) => {
      const color = themeColor(codebook, g.main ?? (g.themes[0] as Theme));
      return `<th class="group" colspan="${g.themes.length}" style="border-color:${color}">${escapeHtml(g.label)}</th>`;
    })
    .join('');
  const themeRow = themes
    .map(
      (t) =>
        `<th class="theme" scope="col" title="${escapeHtml(t.code)}"><span>${escapeHtml(themeLabel(t, lang))}</span></th>`,
    )
    .join('');
  const body = rows
    .map((row) => {
      const cells = row.cells
        .map((n, i) => {
          const label = `${row.alias} · ${themeLabel(themes[i] as Theme, lang)}: ${n}`;
          if (n === 0) return `<td class="zero" title="${escapeHtml(label)}">·</td>`;
          const { background, ink } = heatColor(n, max);
          return `<td style="background:${background};color:${ink}" title="${escapeHtml(label)}">${n}</td>`;
        })
        .join('');
      return `<tr><th scope="row">${escapeHtml(row.alias)}</th>${cells}</tr>`;
    })
    .join('\n');
  const totals = themes.map((t) => `<td>${countFor(tables, t).reports}</td>`).join('');
  return [
    '<div class="table-wrap"><table class="heatmap">',
    `<thead><tr><th></th>${groupRow}</tr>`,
    `<tr><th scope="col">${escapeHtml(ui.report)}</th>${themeRow}</tr></thead>`,
    `<tbody>\n${body}\n</tbody>`,
    `<tfoot><tr><th scope="row">${escapeHtml(ui.reports)}</th>${totals}</tr></tfoot>`,
    '</table></div>',
  ].join('\n');
}

/** Paragraph breaks of the quote kept, hard line wraps of the source joined. */
function quoteParagraphs(text: string): string {
  return text
    .split(/\r?\n\s*\r?\n/)
    .map((p) => p.replace(/\s+/g, ' ').trim())
    .filter(Boolean)
    .map((p) => `<p>${escapeHtml(p)}</p>`)
    .join('');
}

function renderQuote(quote: Quote, ui: UiStrings, lang: UiLang): string {
  const caption = [
    quote.alias,
    shareableSection(quote.section),
    quotePlace(quote, lang, ui.linesRange),
    ...quoteNotes(quote, lang),
  ]
    .filter(Boolean)
    .join(' · ');
  return `<figure class="quote${quote.ocr ? ' ocr' : ''}"><blockquote>${quoteParagraphs(quote.text)}</blockquote><figcaption>${escapeHtml(caption)}</figcaption></figure>`;
}

function renderQuotes(tables: Tables, groups: ThemeGroup[], lang: UiLang, ui: UiStrings): string {
  const total = tables.reports.length;
  const parts: string[] = [];
  for (const group of groups) {
    parts.push(`<h3>${escapeHtml(group.label)}</h3>`);
    for (const theme of group.themes) {
      const count = countFor(tables, theme);
      const quotes = tables.quotes
        .filter((q) => q.code === theme.code)
        .sort((a, b) => a.rank - b.rank || compareText(a.alias, b.alias))
        .slice(0, QUOTES_PER_THEME);
      parts.push(
        `<article class="theme-quotes" id="theme-${escapeHtml(theme.code)}">`,
        `<h4>${escapeHtml(themeLabel(theme, lang))}</h4>`,
        `<p class="meta"><span class="pill ${theme.polarity}">${escapeHtml(ui.mentionedIn(count.reports, total))}</span> · ${escapeHtml(ui.paragraphsCount(count.segments))}</p>`,
        quotes.length > 0
          ? quotes.map((q) => renderQuote(q, ui, lang)).join('\n')
          : `<p class="empty">${escapeHtml(ui.noQuotes)}</p>`,
        '</article>',
      );
    }
  }
  return parts.join('\n');
}

function renderLegend(codebook: Codebook, groups: ThemeGroup[]): string {
  const items = groups.map((g) => {
    const color = themeColor(codebook, g.main ?? (g.themes[0] as Theme));
    return `<li><i style="background:${color}"></i>${escapeHtml(g.label)}</li>`;
  });
  return `<ul class="legend">${items.join('')}</ul>`;
}

export function renderHtml(tables: Tables, codebook: Codebook, lang: UiLang): string {
  const ui = uiStrings(lang);
  const title = codebookTitle(codebook, lang);
  const groups = themeGroups(codebook, lang);
  const codedParagraphs = tables.reports.reduce((sum, r) => sum + r.codedParagraphs, 0);
  const stat = (label: string, value: number): string =>
    `<div><dt>${escapeHtml(label)}</dt><dd>${value}</dd></div>`;
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="analyse">
<title>${escapeHtml(title)}</title>
<style>${REPORT_CSS}</style>
</head>
<body>
<header class="page-head"><div class="inner">
<p class="kicker">${escapeHtml(ui.kicker)}</p>
<h1>${escapeHtml(title)}</h1>
<dl class="stats">${stat(ui.reports, tables.reports.length)}${stat(ui.codedParagraphs, codedParagraphs)}${stat(
    ui.themesCount,
    groups.reduce((n, g) => n + g.themes.length, 0),
  )}${stat(ui.quotesCount, tables.quotes.length)}</dl>
<ul class="toc"><li><a href="#chart">${escapeHtml(ui.chartTitle)}</a></li><li><a href="#heatmap">${escapeHtml(ui.heatmapTitle)}</a></li><li><a href="#quotes">${escapeHtml(ui.quotesTitle)}</a></li></ul>
</div></header>
<main>
<section class="card" id="chart">
<h2>${escapeHtml(ui.chartTitle)}</h2>
<p class="caption">${escapeHtml(ui.chartCaption(tables.reports.length))}</p>
${renderLegend(codebook, groups)}
${renderBarChart(tables, codebook, groups, lang, ui.chartTitle)}
</section>
<section class="card" id="heatmap">
<h2>${escapeHtml(ui.heatmapTitle)}</h2>
<p class="caption">${escapeHtml(ui.heatmapCaption)}</p>
${renderHeatmap(tables, codebook, groups, lang, ui)}
</section>
<section class="card" id="quotes">
<h2>${escapeHtml(ui.quotesTitle)}</h2>
${renderQuotes(tables, groups, lang, ui)}
</section>
<footer>${escapeHtml(ui.generatedBy)}${tables.morphology ? ` ${escapeHtml(ui.morphology(tables.morphology))}.` : ''}</footer>
</main>
</body>
</html>
`;
}
