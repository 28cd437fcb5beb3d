// The stylesheet of the HTML report, inlined so the file works offline and opens from a mail attachment.
export const REPORT_CSS = `
:root { --ink: #1a202c; --muted: #4a5568; --faint: #718096; --line: #e2e8f0; --paper: #ffffff; --wash: #f7fafc;
  --accent: #2b6cb0; --success: #2f855a; --challenge: #c05621; }
* { box-sizing: border-box; }
html { background: var(--wash); }
body { margin: 0; color: var(--ink); font: 15px/1.55 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "DejaVu Sans", sans-serif; }
main { max-width: 1120px; margin: 0 auto; padding: 0 24px 48px; }
.page-head { background: var(--paper); border-bottom: 1px solid var(--line); margin-bottom: 28px; }
.page-head .inner { max-width: 1120px; margin: 0 auto; padding: 28px 24px 24px; }
.kicker { margin: 0; color: var(--accent); font-size: 13px; font-weight: 600; letter-spacing: .06em; text-transform: uppercase; }
h1 { margin: 6px 0 18px; font-size: 28px; line-height: 1.25; }
h2 { margin: 0 0 4px; font-size: 21px; }
h3 { margin: 28px 0 8px; font-size: 17px; color: var(--muted); border-bottom: 1px solid var(--line); padding-bottom: 4px; }
h4 { margin: 0 0 6px; font-size: 16px; }
.stats { display: flex; flex-wrap: wrap; gap: 12px; margin: 0; }
.stats div { background: var(--wash); border: 1px solid var(--line); border-radius: 8px; padding: 10px 16px; min-width: 150px; }
.stats dt { color: var(--faint); font-size: 12px; text-transform: uppercase; letter-spacing: .04em; }
.stats dd { margin: 2px 0 0; font-size: 24px; font-weight: 650; font-variant-numeric: tabular-nums; }
.toc { margin: 16px 0 0; padding: 0; list-style: none; display: flex; gap: 18px; font-size: 14px; }
.toc a { color: var(--accent); text-decoration: none; }
.card { background: var(--paper); border: 1px solid var(--line); border-radius: 10px; padding: 22px 24px; margin-bottom: 24px; }
.caption { margin: 0 0 14px; color: var(--muted); font-size: 14px; }
.legend { display: flex; gap: 18px; margin: 0 0 8px; padding: 0; list-style: none; font-size: 13px; color: var(--muted); }
.legend i { display: inline-block; width: 12px; height: 12px; border-radius: 2px; margin-right: 6px; vertical-align: -1px; }
svg.chart { display: block; font-family: inherit; }
svg.chart .label { font-size: 13.5px; fill: var(--ink); }
svg.chart .group-label { font-size: 13px; font-weight: 700; fill: var(--muted); text-transform: uppercase; letter-spacing: .05em; }
svg.chart .group-value { font-weight: 600; fill: var(--faint); letter-spacing: 0; }
svg.chart .track { fill: #edf2f7; }
svg.chart .value { font-size: 13px; font-weight: 600; fill: var(--ink); font-variant-numeric: tabular-nums; }
svg.chart .share { font-weight: 400; fill: var(--faint); }
svg.chart .grid { stroke: var(--line); stroke-width: 1; }
svg.chart .tick { font-size: 11px; fill: var(--faint); text-anchor: middle; }
.table-wrap { overflow-x: auto; }
table.heatmap { border-collapse: separate; border-spacing: 3px; font-size: 13px; }
table.heatmap th { font-weight: 600; color: var(--muted); }
table.heatmap thead th.group { font-size: 12px; text-transform: uppercase; letter-spacing: .04em; border-bottom: 3px solid; padding: 4px 6px; }
table.heatmap thead th.theme { vertical-align: bottom; height: 240px; width: 48px; padding: 0 0 6px; }
table.heatmap thead th.theme span { writing-mode: vertical-rl; transform: rotate(180deg); display: inline-block; max-height: 232px; font-size: 12px; font-weight: 500; color: var(--ink); line-height: 1.15; text-align: left; }
table.heatmap tbody th, table.heatmap tfoot th { text-align: left; white-space: nowrap; padding-right: 12px; }
table.heatmap td { width: 48px; height: 34px; text-align: center; border-radius: 4px; font-variant-numeric: tabular-nums; font-weight: 600; }
table.heatmap td.zero { background: #f7fafc; color: #cbd5e0; font-weight: 400; }
table.heatmap tfoot td { background: none; color: var(--muted); border-top: 1px solid var(--line); }
.theme-quotes { margin: 18px 0 26px; }
.meta { margin: 0 0 10px; color: var(--muted); font-size: 13.5px; }
.pill { display: inline-block; padding: 1px 9px; border-radius: 999px; background: #ebf4ff; color: #2a4365; font-weight: 600; }
.pill.success { background: #f0fff4; color: #22543d; }
.pill.challenge { background: #fffaf0; color: #7b341e; }
figure.quote { margin: 0 0 12px; padding: 10px 16px; border-left: 4px solid var(--line); background: var(--wash); border-radius: 0 6px 6px 0; }
figure.quote blockquote { margin: 0; }
figure.quote blockquote p { margin: 0 0 6px; }
figure.quote blockquote p:first-child::before { content: "\\201D"; color: var(--faint); margin-right: 1px; }
figure.quote blockquote p:last-child::after { content: "\\201D"; color: var(--faint); margin-left: 1px; }
html[lang="en"] figure.quote blockquote p:first-child::before { content: "\\201C"; }
figure.quote figcaption { font-size: 12.5px; color: var(--faint); }
.empty { color: var(--faint); font-style: italic; font-size: 14px; margin: 0; }
footer { color: var(--faint); font-size: 12.5px; text-align: center; margin-top: 28px; }
@media print {
  html, .page-head { background: #fff; }
  .card { border: none; padding: 0; break-inside: auto; }
  .theme-quotes, figure.quote, svg.chart, table.heatmap { break-inside: avoid; }
  .toc { display: none; }
}
`;
