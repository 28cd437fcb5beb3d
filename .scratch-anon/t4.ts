import { createRequire } from 'node:module';
const require = createRequire(import.meta.url);
const st = require('snowball-stemmers').newStemmer('finnish');
for (const w of ['digitaalisten','digitaalinen','digitaalisen','digitaaliset']) console.log(w, st.stem(w));
import { vocabulary } from '../src/anonymise/vocabulary.ts';
const v = vocabulary();
for (const w of ['digitaalisten','trimble','feedback','petäjäopiston','seutuverkon','digitiekarttatyötä']) console.log(w, v.isCommon(w));
