import { gazetteer } from '../src/anonymise/gazetteer.ts';
import { dictionary } from '@zxcvbn-ts/language-fi';
let t=Date.now(); const g=gazetteer(); console.log('build', Date.now()-t, 'ms', g.names.length);
t=Date.now();
const words=new Set([...dictionary.commonWords, ...dictionary.wikipedia]);
const hits: string[]=[];
for (const w of words) { const h=g.lexicon.lookup(w); if (h.length) hits.push(`${w}=${h[0]!.value.name}${h[0]!.value.demonym?'(d)':''}/${h[0]!.infl.case}`); }
console.log('lookup', Date.now()-t, 'ms', hits.length);
console.log(hits.join(' '));
for (const w of ['Kankaanpäässä','pomarkkulaisille','kankaanpääläinen','Siikaisten','Närpes','närpesbor','Pohjois-Satakunnan','Honkajoki','Jämsijärvellä','Pohjana','Satakuntaliiton','Niinisalossa', 'Uudellamaalla','Rääkkylän','Nousiaisten','Seinäjoen']) console.log(w, JSON.stringify(g.lexicon.lookup(w).slice(0,2)));
console.log(process.memoryUsage().heapUsed/1e6);
