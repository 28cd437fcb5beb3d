#!/usr/bin/env node
// Compiles the anonymiser's data files (src/anonymise/data/*.yaml: placeholder tables, word lists,
// vendors) into src/anonymise/data/tables.generated.ts, so the tool loads no YAML at run time.
// Every file is checked against its shape first; a problem is reported as file:line:col and exits 1.
// Run: node scripts/build-anonymiser-data.mjs          (writes the module; deterministic)
//      node scripts/build-anonymiser-data.mjs --check  (exit 1 when the module is not up to date)
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isMap, isScalar, isSeq, LineCounter, parseDocument } from 'yaml';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dataDir = join(root, 'src/anonymise/data');
const target = join(dataDir, 'tables.generated.ts');

const CASES = [
  'nom',
  'gen',
  'part',
  'ess',
  'transl',
  'iness',
  'elat',
  'ill',
  'adess',
  'ablat',
  'allat',
  'abess',
  'comit',
];

// Shapes: 'list' is a list of non-empty strings; an object maps known keys to shapes.
const WORD_LISTS = [
  'legal-forms',
  'role-stems',
  'person-cue-forms',
  'project-words',
  'project-word-forms',
  'project-code-cues',
  'municipal-nouns',
  'municipal-noun-forms',
  'place-nouns',
  'institution-heads',
  'street-words',
  'number-units',
  'email-at',
  'email-dot',
  'compound-heads',
  'derivational-suffixes',
  'case-endings',
  'verb-endings',
  'abbreviations',
];

const problems = [];

function load(name) {
  const file = join(dataDir, name);
  const text = readFileSync(file, 'utf8');
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false });
  const where = (node) => {
    const p = lines.linePos(node?.range?.[0] ?? 0);
    return `${relative(root, file)}:${p.line}:${p.col}`;
  };
  for (const e of doc.errors) {
    const p = lines.linePos(e.pos[0]);
    problems.push(`${relative(root, file)}:${p.line}:${p.col}: ${e.message.split('\n')[0]}`);
  }
  return { doc, where };
}

function stringList(node, where, what) {
  if (!isSeq(node)) {
    problems.push(`${where(node)}: ${what} must be a list of words`);
    return [];
  }
  const out = [];
  for (const item of node.items) {
    if (isScalar(item) && typeof item.value === 'string' && item.value.trim() !== '') out.push(item.value);
    else problems.push(`${where(item)}: ${what}: every entry must be a non-empty string`);
  }
  return out;
}

function mapEntries(node, where, what) {
  if (!isMap(node)) {
    problems.push(`${where(node)}: ${what} must be a mapping`);
    return [];
  }
  return node.items.map((pair) => [String(pair.key?.value ?? ''), pair.value, pair.key]);
}

function wordLists() {
  const { doc, where } = load('words.yaml');
  const out = {};
  for (const [key, value, keyNode] of mapEntries(doc.contents, where, 'words.yaml')) {
    if (!WORD_LISTS.includes(key)) {
      problems.push(`${where(keyNode)}: unknown list "${key}" (known: ${WORD_LISTS.join(', ')})`);
      continue;
    }
    out[key] = stringList(value, where, key);
  }
  for (const key of WORD_LISTS)
    if (!(key in out)) problems.push(`${where(doc.contents)}: missing list "${key}"`);
  return out;
}

function vendors() {
  const { doc, where } = load('vendors.yaml');
  const out = {};
  for (const [key, value, keyNode] of mapEntries(doc.contents, where, 'vendors.yaml')) {
    if (key !== 'vendors' && key !== 'unique-institutions') {
      problems.push(`${where(keyNode)}: unknown list "${key}" (known: vendors, unique-institutions)`);
      continue;
    }
    out[key] = stringList(value, where, key);
  }
  return { vendors: out.vendors ?? [], institutions: out['unique-institutions'] ?? [] };
}

function placeholders() {
  const { doc, where } = load('placeholders.yaml');
  const out = { fi: {}, fiFixed: {}, sv: {}, letters: {} };
  for (const [key, value, keyNode] of mapEntries(doc.contents, where, 'placeholders.yaml')) {
    if (key === 'fi') {
      for (const [noun, paradigm] of mapEntries(value, where, 'fi')) {
        const numbers = {};
        for (const [number, forms, numberNode] of mapEntries(paradigm, where, `fi.${noun}`)) {
          if (number !== 'sg' && number !== 'pl') {
            problems.push(`${where(numberNode)}: fi.${noun}: expected sg or pl, not "${number}"`);
            continue;
          }
          numbers[number] = {};
          for (const [c, form, caseNode] of mapEntries(forms, where, `fi.${noun}.${number}`)) {
            if (!CASES.includes(c)) problems.push(`${where(caseNode)}: unknown case "${c}"`);
            else if (!isScalar(form) || typeof form.value !== 'string' || form.value === '')
              problems.push(`${where(form)}: fi.${noun}.${number}.${c} must be a word`);
            else numbers[number][c] = form.value;
          }
          if (!numbers[number].nom)
            problems.push(`${where(numberNode)}: fi.${noun}.${number} needs a nominative`);
        }
        if (!numbers.sg || !numbers.pl) problems.push(`${where(paradigm)}: fi.${noun} needs sg and pl`);
        out.fi[noun] = numbers;
      }
    } else if (key === 'fi-fixed' || key === 'letter-readings') {
      const into = key === 'fi-fixed' ? out.fiFixed : out.letters;
      for (const [k, v] of mapEntries(value, where, key)) {
        if (!isScalar(v) || typeof v.value !== 'string' || v.value === '')
          problems.push(`${where(v)}: ${key}.${k} must be a word`);
        else into[k] = v.value;
      }
    } else if (key === 'sv') {
      for (const [noun, forms] of mapEntries(value, where, 'sv')) {
        const list = stringList(forms, where, `sv.${noun}`);
        if (list.length !== 3)
          problems.push(`${where(forms)}: sv.${noun} needs [definite, genitive, numbered stem]`);
        out.sv[noun] = list;
      }
    } else
      problems.push(`${where(keyNode)}: unknown key "${key}" (known: fi, fi-fixed, sv, letter-readings)`);
  }
  for (const noun of [...Object.keys(out.fi), ...Object.keys(out.fiFixed)])
    if (!out.sv[noun]) problems.push(`${where(doc.contents)}: sv has no placeholder for "${noun}"`);
  return out;
}

const words = wordLists();
const vendorLists = vendors();
const tables = placeholders();
if (problems.length > 0) {
  for (const p of problems.slice(0, 20)) console.error(p);
  if (problems.length > 20) console.error(`… and ${problems.length - 20} more`);
  process.exit(1);
}

const json = (v) => JSON.stringify(v, null, 1);
const nouns = [...Object.keys(tables.fi), ...Object.keys(tables.fiFixed)];
const out = `// Generated by scripts/build-anonymiser-data.mjs from src/anonymise/data/*.yaml; do not edit by hand.
/* biome-ignore-all format: generated */

/** The noun a placeholder uses. */
export type PlaceholderNoun = ${nouns.map((n) => `'${n}'`).join(' | ')};

export const FI_PARADIGMS: Record<string, { sg: Record<string, string>; pl: Record<string, string> }> = ${json(tables.fi)};

export const FI_FIXED: Record<string, string> = ${json(tables.fiFixed)};

export const SV_PLACEHOLDERS: Record<string, [string, string, string]> = ${json(tables.sv)};

export const LETTER_READINGS: Record<string, string> = ${json(tables.letters)};

export type WordList = ${WORD_LISTS.map((w) => `'${w}'`).join(' | ')};

export const WORDS: Record<WordList, readonly string[]> = ${json(words)};

export const VENDORS: readonly string[] = ${json(vendorLists.vendors)};

export const UNIQUE_INSTITUTIONS: readonly string[] = ${json(vendorLists.institutions)};
`;

if (process.argv.includes('--check')) {
  let current = '';
  try {
    current = readFileSync(target, 'utf8');
  } catch {}
  if (current !== out) {
    console.error(`${relative(root, target)} is out of date: run node scripts/build-anonymiser-data.mjs`);
    process.exit(1);
  }
  console.log('anonymiser data up to date');
} else {
  writeFileSync(target, out);
  console.log(`wrote ${relative(root, target)}`);
}
