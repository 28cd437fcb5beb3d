// The bar chart of the HTML report as inline SVG: one horizontal bar per theme (reports mentioning it),
// grouped under "successes" / "challenges", or under main themes when the codebook has no polarity.
import type { Codebook } from '../codebook/types.js';
import type { Tables } from '../types.js';
import { escapeHtml } from './escape.js';
import { countFor, countOf, type ThemeGroup, themeColor, themeLabel } from './theme-groups.js';
import type { UiLang } from './ui-strings.js';

const WIDTH = 1040;
const LABEL_X = 16;
const BAR_X = 440;
const BAR_MAX = 470;
const ROW = 40;
const GROUP_ROW = 38;
const AXIS = 34;
const LABEL_CHARS = 56;

/** Splits a label into at most two lines of about `LABEL_CHARS` characters, at spaces. */
export function wrapLabel(label: string, max = LABEL_CHARS): string[] {
  const words = label.split(/\s+/).filter(Boolean);
  const lines: string[] = [];
  let line = '';
  for (const word of words) {
    const next = line ? `${line} ${word}` : word;
    if (next.length > max && line) {
      lines.push(line);
      line = word;
    } else line = next;
  }
  if (line) lines.push(line);
  if (lines.length <= 2) return lines;
  const second = lines.slice(1).join(' ');
  return [lines[0] ?? '', `${second.slice(0, max - 1).trimEnd()}…`];
}

/** Tick values for an axis from 0 to `max` reports: whole numbers, at most about six ticks. */
export function axisTicks(max: number): number[] {
  if (max <= 0) return [0];
  const steps = [1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000];
  const step = steps.find((s) => max / s <= 6) ?? Math.ceil(max / 6);
  const ticks: number[] = [];
  for (let t = 0; t <= max; t += step) ticks.push(t);
  if (ticks[ticks.length - 1] !== max) ticks.push(max);
  return ticks;
}

/** A main theme's own count (the aggregate rolls subthemes up into it), after its heading: " · 2/3". */
function groupTotal(tables: Tables, group: ThemeGroup, total: number): string {
  const count = group.main ? countOf(tables, group.main.code) : undefined;
  return count ? `<tspan class="group-value"> · ${count.reports}/${total}</tspan>` : '';
}

export function renderBarChart(
  tables: Tables,
  codebook: Codebook,
  groups: ThemeGroup[],
  lang: UiLang,
  title: string,
): string {
  const total = tables.reports.length;
  const scale = (n: number): number => (total > 0 ? (n / total) * BAR_MAX : 0);
  const percent = new Intl.NumberFormat(lang === 'en' ? 'en-GB' : lang === 'sv' ? 'sv-FI' : 'fi-FI', {
    style: 'percent',
    maximumFractionDigits: 0,
  });
  const rows: string[] = [];
  let y = AXIS;
  for (const group of groups) {
    const colorSource = group.main ?? group.themes[0];
    const headingColor = colorSource ? themeColor(codebook, colorSource) : '#4A5568';
    rows.push(
      `<g class="group" data-group="${escapeHtml(group.key)}">`,
      `<rect x="0" y="${y + 6}" width="4" height="${GROUP_ROW - 14}" fill="${headingColor}"/>`,
      `<text class="group-label" x="${LABEL_X}" y="${y + GROUP_ROW / 2 + 5}">${escapeHtml(group.label)}${groupTotal(tables, group, total)}</text>`,
      '</g>',
    );
    y += GROUP_ROW;
    for (const theme of group.themes) {
      const count = countFor(tables, theme);
      const label = themeLabel(theme, lang);
      const lines = wrapLabel(label);
      const mid = y + ROW / 2;
      const color = themeColor(codebook, theme);
      const width = scale(count.reports);
      const share = total > 0 ? percent.format(count.reports / total) : '–';
      const value = `${count.reports}/${total}`;
      const textY = lines.length === 1 ? [mid + 4] : [mid - 4, mid + 12];
      rows.push(
        `<g class="row" data-code="${escapeHtml(theme.code)}">`,
        `<text class="label" x="${LABEL_X}" y="0">${lines
          .map((l, i) => `<tspan x="${LABEL_X}" y="${textY[i]}">${escapeHtml(l)}</tspan>`)
          .join('')}</text>`,
        `<rect class="track" x="${BAR_X}" y="${mid - 10}" width="${BAR_MAX}" height="20" rx="3"/>`,
        `<rect class="bar bar-${theme.polarity}" data-code="${escapeHtml(theme.code)}" data-reports="${count.reports}" x="${BAR_X}" y="${mid - 10}" width="${width.toFixed(1)}" height="20" rx="3" fill="${color}"><title>${escapeHtml(`${label}: ${value} (${share})`)}</title></rect>`,
        `<text class="value" x="${(BAR_X + width + 8).toFixed(1)}" y="${mid + 4}">${escapeHtml(value)} <tspan class="share">${escapeHtml(share)}</tspan></text>`,
        '</g>',
      );
      y += ROW;
    }
  }
  const height = y + 12;
  const axis = axisTicks(total).map((t) => {
    const x = (BAR_X + scale(t)).toFixed(1);
    return `<line class="grid" x1="${x}" y1="${AXIS - 6}" x2="${x}" y2="${height - 8}"/><text class="tick" x="${x}" y="${AXIS - 12}">${t}</text>`;
  });
  return [
    `<svg class="chart" role="img" aria-label="${escapeHtml(title)}" viewBox="0 0 ${WIDTH} ${height}" width="100%">`,
    `<title>${escapeHtml(title)}</title>`,
    `<g class="axis">${axis.join('')}</g>`,
    ...rows,
    '</svg>',
  ].join('\n');
}
