#!/usr/bin/env node
// `npm run crossval`: the coder's agreement measured honestly, on what the project has, with bootstrap 95 %
// intervals. Every figure comes from a model that did not learn from the items it is measured on:
//   A. leave one source out: the shipped model (the codebook's own examples only) on each gold file;
//   B. the same, having also learned from the other gold file (--learn-from);
//   C. leave one item out within each gold file, learning from the file's other items and the other file;
//   D. a learning curve: one gold file's agreement as the model learns from n items of the other
//      (five random draws per n, seeded; the mean and the range);
//   E. leave one example file out over the codebook's own examples (no gold at all).
// Long-running (a hundred fits); prints Markdown tables for the README's Measuring section.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { codebookItems, codingSetup } from '../dist/app/coding-setup.js';
import { crossValidate } from '../dist/app/cross-validate.js';
import { codebookFrom } from '../dist/cli/context.js';
import { bootstrap, macroF1, seeded } from '../dist/eval/bootstrap.js';
import { evaluate, predict, summarise } from '../dist/eval/evaluate.js';
import { loadGold } from '../dist/eval/gold.js';
import { defaultRules } from '../dist/io/read-rules.js';
import { fitModel, itemEvidence } from '../dist/learn/fit.js';
import { balanceUserItems, goldItems, itemSegment } from '../dist/learn/items.js';
import { tagParagraph } from '../dist/tag/paragraph.js';

const root = new URL('..', import.meta.url).pathname;
const goldDir = join(root, '..', 'shared', 'gold');
const book = join(root, 'codebooks', 'digikannustin-2020.yaml');
const only = process.argv.slice(2);
const want = (part) => only.length === 0 || only.includes(part);
const rules = defaultRules();
const compiled = await codebookFrom(book);
const setup = (await codingSetup({ codebookPath: book, compiled, rules })).value;
const codes = compiled.book.themes.map((t) => t.code);
const gold = (name) => {
  const path = join(goldDir, name);
  const r = loadGold(path, readFileSync(path, 'utf8'));
  if (!r.ok) throw new Error(path);
  return { name, path, items: r.value };
};
const sets = [gold('dev-quotes.yaml'), gold('dev-passages.yaml')];
const validation = (() => {
  const path = join(root, 'test/fixtures/validation/passages.yaml');
  const r = loadGold(path, readFileSync(path, 'utf8'));
  return { name: 'validation/passages.yaml', path, items: r.value };
})();
const own = setup.items;
const fitSetup = { compiled, rules };
const evidence = new Map(
  itemEvidence([...own, ...sets.flatMap((s) => goldItems(s.items, s.path))], fitSetup).map((e, i, all) => [
    [...own, ...sets.flatMap((s) => goldItems(s.items, s.path))][i].id,
    e,
  ]),
);
const fitOn = (user) => {
  const items = balanceUserItems(own, user);
  return fitModel(items, fitSetup, {
    evidence: items.map((i) => evidence.get(i.id) ?? itemEvidence([i], fitSetup)[0]),
    lambda: setup.context.model.fitted.lambda,
  });
};
const ci = (i) => `${i.low.toFixed(2)}–${i.high.toFixed(2)}`;
const row = (label, r) =>
  `| ${label} | ${r.agreement.n} | ${r.agreement.kappa.toFixed(3)} (${ci(r.intervals.kappa)}) | ${r.macroF1.toFixed(3)} (${ci(r.intervals.macroF1)}) | ${r.agreement.accuracy.toFixed(3)} | ${r.forced.kappa.toFixed(3)} |`;
const head =
  "| model → measured on | items | Cohen's κ (95 % CI) | macro-F1 (95 % CI) | accuracy | κ never abstaining |\n|---|---|---|---|---|---|";
const out = (s) => process.stdout.write(`${s}\n`);

if (want('A')) {
  out("\n**A. Leave one source out: the shipped model, fitted on the codebook's own examples only**\n");
  out(head);
  for (const s of [...sets, validation]) out(row(`examples → ${s.name}`, evaluate(s.items, setup.context)));
}
if (want('B')) {
  out('\n**B. Leave one source out, having learned from the other gold file**\n');
  out(head);
  for (const [test, learn] of [
    [sets[0], sets[1]],
    [sets[1], sets[0]],
  ]) {
    const fit = fitOn(goldItems(learn.items, learn.path));
    out(
      row(
        `examples + ${learn.name} → ${test.name}`,
        evaluate(test.items, { ...setup.context, model: fit.model, lexical: fit.lexical }),
      ),
    );
  }
}
if (want('C')) {
  out(
    '\n**C. Leave one item out within each gold file (learning from its other items and the other file)**\n',
  );
  out(head);
  for (const [test, other] of [
    [sets[0], sets[1]],
    [sets[1], sets[0]],
  ]) {
    const s = {
      ...setup,
      items: [...own, ...goldItems(other.items, other.path).map((i) => ({ ...i, weight: 1 }))],
    };
    out(
      row(
        `examples + ${other.name} + rest of ${test.name} → each item`,
        crossValidate(test.items, test.path, s),
      ),
    );
  }
}
if (want('D')) {
  out('\n**D. Learning curve: agreement on one gold file as the model learns from n items of the other**\n');
  out('| measured on | learned from | n | κ mean | κ range (5 draws) |\n|---|---|---|---|---|');
  for (const [test, learn] of [
    [sets[0], sets[1]],
    [sets[1], sets[0]],
  ]) {
    const all = goldItems(learn.items, learn.path);
    const sizes = [
      0,
      Math.round(all.length / 4),
      Math.round(all.length / 2),
      Math.round((3 * all.length) / 4),
      all.length,
    ];
    for (const n of sizes) {
      const ks = [];
      for (let draw = 0; draw < (n === 0 || n === all.length ? 1 : 5); draw++) {
        const random = seeded(1000 * n + draw);
        const picked = [...all].sort(() => random() - 0.5).slice(0, n);
        const fit = n === 0 ? { model: setup.context.model, lexical: setup.context.lexical } : fitOn(picked);
        ks.push(
          evaluate(test.items, { ...setup.context, model: fit.model, lexical: fit.lexical }).agreement.kappa,
        );
      }
      const mean = ks.reduce((a, b) => a + b, 0) / ks.length;
      out(
        `| ${test.name} | ${learn.name} | ${n} | ${mean.toFixed(3)} | ${Math.min(...ks).toFixed(3)}–${Math.max(...ks).toFixed(3)} |`,
      );
    }
  }
}
if (want('E')) {
  out('\n**E. Leave one sample report out: its paragraphs coded by a model fitted without it (no gold)**\n');
  out(
    "Paragraph × code decisions against the report's own labels (codebooks/…examples/reports-*.yaml), in the",
  );
  out('section each paragraph stands in — the closest thing here to coding a whole unseen report.\n');
  out(
    '| report left out | paragraphs | labelled codes | coded by the model | precision | recall |\n|---|---|---|---|---|---|',
  );
  const reports = [...new Set(own.map((i) => i.source))].filter((s) => /reports-[^/]*$/.test(s));
  let [tp, fp, fn] = [0, 0, 0];
  // The same, counting only strong codings (confidence at the model's strong level: quotes, strong_* counts).
  let [sp, sf, sn] = [0, 0, 0];
  for (const source of reports) {
    const rest = own.filter((i) => i.source !== source);
    const fit = fitModel(rest, fitSetup, {
      evidence: rest.map((i) => evidence.get(i.id)),
      lambda: setup.context.model.fitted.lambda,
    });
    const context = { ...setup.context, model: fit.model, lexical: fit.lexical };
    let [t, f, n, labelled, coded] = [0, 0, 0, 0, 0];
    const mine = own.filter((i) => i.source === source);
    for (const item of mine) {
      const codings = tagParagraph(itemSegment(item.text, item.id, item.section), context).codings;
      const got = new Set(codings.map((c) => c.code));
      const strong = new Set(codings.filter((c) => c.confidence >= fit.model.strong).map((c) => c.code));
      const want = new Set(item.codes);
      labelled += want.size;
      coded += got.size;
      for (const c of got)
        if (want.has(c)) t++;
        else if (!item.also.includes(c)) f++;
      for (const c of want) if (!got.has(c)) n++;
      for (const c of strong)
        if (item.codes.includes(c)) sp++;
        else if (!item.also.includes(c)) sf++;
      for (const c of item.codes) if (!strong.has(c)) sn++;
    }
    [tp, fp, fn] = [tp + t, fp + f, fn + n];
    out(
      `| ${source.split('/').pop()} | ${mine.length} | ${labelled} | ${coded} | ${(t / Math.max(1, t + f)).toFixed(2)} | ${(t / Math.max(1, t + n)).toFixed(2)} |`,
    );
  }
  out(
    `| all five | | ${tp + fn} | ${tp + fp} | ${(tp / Math.max(1, tp + fp)).toFixed(2)} | ${(tp / Math.max(1, tp + fn)).toFixed(2)} |`,
  );
  out(
    `| all five, strong codings only | | ${sp + sn} | ${sp + sf} | ${(sp / Math.max(1, sp + sf)).toFixed(2)} | ${(sp / Math.max(1, sp + sn)).toFixed(2)} |`,
  );
}
