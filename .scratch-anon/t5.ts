import { readFileSync } from 'node:fs';
import { defaultAnonymiser } from '../test/fixtures/anonymise/measure.ts';
const text = readFileSync('test/fixtures/anonymise/dense-report.md', 'utf8');
const a = defaultAnonymiser();
const ids = a.scanReport('dense', text);
console.log(JSON.stringify({ ...ids, letters: undefined, placeIds: undefined }));
const r = a.anonymise(text, ids, { numbered: process.argv[2] === 'n' });
console.log(r.text);
