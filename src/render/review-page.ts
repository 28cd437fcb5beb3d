// The review page (`analyse review reports/`): one self-contained HTML document, no external assets, its
// script and style allowed by nonce. Keyboard first:
//   j / ↓ next   k / ↑ previous   a accept   r reject   p pin as quote   x not as a quote
//   c recode (then the code's number)   m memo (Ctrl+Enter saves, Esc cancels)   ? keys
// Each decision is sent at once and written to the decisions file before the page moves on. The paragraph
// is shown in its section between its neighbours, the sentences carrying the code's evidence marked, and
// the words of the matched terms and cues in bold (found by their stems, so approximately).
import { escapeHtml } from './escape.js';
import { reviewStrings } from './review-strings.js';
import type { UiLang } from './ui-strings.js';

const WORDS: Record<UiLang, Record<string, string>> = {
  fi: {
    heading: 'Koodausten tarkistus',
    keys: 'j/k seuraava/edellinen · a hyväksy · r hylkää · p kiinnitä lainaukseksi · x ei lainaukseksi · c vaihda koodi · m muistiinpano · ? ohje',
    reviewed: 'tarkistettu',
    saved: 'Tallennettu',
    failed: 'Tallennus epäonnistui',
    recode: 'Valitse uusi koodi numerolla (Esc peruu)',
    memo: 'Muistiinpano (Ctrl+Enter tallentaa, Esc peruu)',
    none: 'Ei tarkistettavaa.',
    confidence: 'varmuus',
    evidence: 'perusteet',
  },
  sv: {
    heading: 'Granskning av kodningar',
    keys: 'j/k nästa/föregående · a godkänn · r avvisa · p fäst som citat · x inte som citat · c byt kod · m anteckning · ? hjälp',
    reviewed: 'granskade',
    saved: 'Sparat',
    failed: 'Kunde inte spara',
    recode: 'Välj ny kod med dess nummer (Esc avbryter)',
    memo: 'Anteckning (Ctrl+Enter sparar, Esc avbryter)',
    none: 'Inget att granska.',
    confidence: 'säkerhet',
    evidence: 'grunder',
  },
  en: {
    heading: 'Review of codings',
    keys: 'j/k next/previous · a accept · r reject · p pin as quote · x not as a quote · c recode · m memo · ? keys',
    reviewed: 'reviewed',
    saved: 'Saved',
    failed: 'Could not save',
    recode: 'Choose the new code by its number (Esc cancels)',
    memo: 'Memo (Ctrl+Enter saves, Esc cancels)',
    none: 'Nothing to review.',
    confidence: 'confidence',
    evidence: 'evidence',
  },
};

const STYLE = `
body{font:15px/1.5 system-ui,sans-serif;margin:0;color:#1a202c;background:#f7fafc}
header{background:#2d3748;color:#fff;padding:.6rem 1rem;display:flex;gap:1rem;align-items:baseline;flex-wrap:wrap}
header h1{font-size:1.1rem;margin:0}#keys{font-size:.8rem;color:#cbd5e0}
main{max-width:60rem;margin:1rem auto;padding:0 1rem}
.card{background:#fff;border:1px solid #e2e8f0;border-radius:6px;padding:1rem 1.2rem}
.section{color:#4a5568;font-size:.85rem}.context{color:#718096;font-size:.9rem;white-space:pre-wrap}
#text{white-space:pre-wrap;border-left:4px solid #3182ce;padding-left:.8rem;margin:.6rem 0}
mark{background:#fefcbf}b.term{background:#fbd38d;font-weight:600}
.code{font-weight:600}.status{display:inline-block;padding:0 .4rem;border-radius:4px;background:#edf2f7}
.status.accepted,.status.added{background:#c6f6d5}.status.rejected{background:#fed7d7}
#codes{display:none;columns:2;margin:.5rem 0;padding-left:1.5rem}#codes.open{display:block}
textarea{width:100%;min-height:4rem;display:none}textarea.open{display:block}
#flash{min-height:1.2rem;font-size:.85rem}#flash.error{color:#c53030}.matches{color:#4a5568;font-size:.8rem}
`;

/** The page; `token` authorises its requests, `nonce` its script and style. */
export function renderReviewPage(options: {
  nonce: string;
  token: string;
  lang: UiLang;
  title: string;
}): string {
  const w = WORDS[options.lang];
  const script = `
const W=${JSON.stringify(w)};const S=${JSON.stringify(reviewStrings(options.lang).status)};const TOKEN=${JSON.stringify(options.token)};
let items=[],codes=[],at=0,mode='';
const $=(id)=>document.getElementById(id);
function flash(t,err){const f=$('flash');f.textContent=t;f.className=err?'error':''}
function stems(matches){const out=[];for(const m of matches){const i=m.indexOf(':');const kind=m.slice(0,i);if(kind!=='term'&&kind!=='cue')continue;
 for(let w of m.slice(i+1).replace(/^[+-]/,'').split(/\\s+/)){w=w.replace(/[*=^\\d.()]/g,'').toLowerCase();if(w.length<2)continue;out.push(w.length>5?w.slice(0,w.length-2):w.slice(0,Math.min(w.length,4)))}}return out}
function paint(el,text,ranges,st){el.textContent='';let pos=0;const rs=[...ranges].sort((a,b)=>a[0]-b[0]);
 const words=(parent,s)=>{const re=/[\\p{L}\\p{N}]+/gu;let last=0,m;while((m=re.exec(s))){const lw=m[0].toLowerCase();if(st.some(x=>lw.startsWith(x))){parent.append(s.slice(last,m.index));const b=document.createElement('b');b.className='term';b.textContent=m[0];parent.append(b);last=m.index+m[0].length}}parent.append(s.slice(last))};
 for(const [a,b] of rs){if(a<pos)continue;el.append(text.slice(pos,a));const mk=document.createElement('mark');words(mk,text.slice(a,b));el.append(mk);pos=b}el.append(text.slice(pos))}
function show(){const it=items[at];const done=items.filter(i=>i.status!=='proposed').length;$('progress').textContent=done+' / '+items.length+' '+W.reviewed;
 if(!it){$('card').textContent=W.none;return}
 $('where').textContent=it.report+' · '+it.section.join(' › ');$('before').textContent=it.before||'';$('after').textContent=it.after||'';
 paint($('text'),it.text,it.evidence,stems(it.matches));
 $('code').textContent=it.label+' ('+it.code+')';$('confidence').textContent=W.confidence+' '+it.confidence.toFixed(2);
 const s=$('status');s.textContent=(S[it.status]||it.status)+(it.reviewer?' · '+it.reviewer:'')+(it.quote?' · '+it.quote:'');s.className='status '+it.status;
 $('matches').textContent=W.evidence+': '+it.matches.join('; ');$('memo').value=it.memo||'';$('item').dataset.key=it.key;$('position').textContent=(at+1)+'/'+items.length}
async function send(body){try{const r=await fetch('/api/decision',{method:'POST',headers:{'Content-Type':'application/json','X-Review-Token':TOKEN},body:JSON.stringify(body)});
 if(!r.ok)throw new Error(await r.text());const data=await r.json();for(const u of data.items){const i=items.findIndex(x=>x.key===u.key);if(i>=0)items[i]=u;else items.push(u)}
 flash(W.saved+' ✓');return true}catch(e){flash(W.failed+': '+e.message,true);return false}}
function next(){const n=items.findIndex((x,i)=>i>at&&x.status==='proposed');at=n>=0?n:Math.min(at+1,Math.max(items.length-1,0));show()}
async function decide(decision,quote){const it=items[at];if(!it)return;if(await send({report:it.report,paragraph:it.paragraph,code:it.code,decision,quote:quote||'',memo:it.memo||''}))next()}
function openCodes(){mode='recode';const ol=$('codes');ol.textContent='';codes.forEach((c,i)=>{const li=document.createElement('li');li.textContent=c.label+' ('+c.code+')';ol.append(li)});ol.className='open';flash(W.recode)}
async function recode(i){const it=items[at];const c=codes[i];mode='';$('codes').className='';if(!it||!c||c.code===it.code)return;
 if(await send({report:it.report,paragraph:it.paragraph,code:it.code,decision:'reject',quote:'',memo:it.memo||''}))
  if(await send({report:it.report,paragraph:it.paragraph,code:c.code,decision:'add',quote:'',memo:''}))next()}
// Keys are handled one after another: a key pressed while a decision is being saved waits for it and the
// move to the next item (it applied to the item just decided, overwriting that decision). What a key must
// not do by default is stopped at once, from the mode it was pressed in.
let keys=Promise.resolve();
document.addEventListener('keydown',(e)=>{const plain=!(e.ctrlKey||e.metaKey||e.altKey);
 if(mode==='recode'||(mode==='memo'&&e.key==='Enter'&&(e.ctrlKey||e.metaKey))||(mode===''&&plain&&e.key==='m'))e.preventDefault();
 keys=keys.then(()=>onKey(e),()=>onKey(e))});
async function onKey(e){
 if(mode==='memo'){if(e.key==='Escape'){mode='';$('memo').className='';show()}else if(e.key==='Enter'&&(e.ctrlKey||e.metaKey)){e.preventDefault();const it=items[at];mode='';$('memo').className='';it.memo=$('memo').value;
  await send({report:it.report,paragraph:it.paragraph,code:it.code,decision:it.status==='rejected'?'reject':it.status==='added'?'add':'accept',quote:it.quote||'',memo:it.memo});show()}return}
 if(mode==='recode'){e.preventDefault();if(e.key==='Escape'){mode='';$('codes').className='';flash('')}else if(/^[1-9]$/.test(e.key))await recode(Number(e.key)-1);return}
 if(e.ctrlKey||e.metaKey||e.altKey)return;
 switch(e.key){case 'j':case 'ArrowDown':at=Math.min(at+1,items.length-1);show();break;case 'k':case 'ArrowUp':at=Math.max(at-1,0);show();break;
 case 'a':await decide('accept');break;case 'r':await decide('reject');break;case 'p':await decide('accept','pin');break;case 'x':await decide('accept','exclude');break;
 case 'c':openCodes();break;case 'm':e.preventDefault();mode='memo';$('memo').className='open';$('memo').focus();flash(W.memo);break;case '?':flash(W.keys);break}}
fetch('/api/items',{headers:{'X-Review-Token':TOKEN}}).then(r=>r.json()).then(d=>{items=d.items;codes=d.codes;const n=items.findIndex(x=>x.status==='proposed');at=n>=0?n:0;show();document.body.dataset.ready='1'});
`;
  return `<!doctype html>
<html lang="${options.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(w.heading ?? '')} · ${escapeHtml(options.title)}</title>
<style nonce="${options.nonce}">${STYLE}</style>
</head>
<body>
<header><h1>${escapeHtml(w.heading ?? '')}</h1><span id="progress"></span><span id="keys">${escapeHtml(w.keys ?? '')}</span></header>
<main>
<div id="flash" role="status" aria-live="polite"></div>
<article id="card" class="card"><div id="item">
<div class="section"><span id="where"></span> · <span id="position"></span></div>
<p id="before" class="context"></p>
<p id="text"></p>
<p id="after" class="context"></p>
<p><span id="code" class="code"></span> · <span id="confidence"></span> · <span id="status" class="status"></span></p>
<p id="matches" class="matches"></p>
<ol id="codes"></ol>
<textarea id="memo" aria-label="${escapeHtml(w.memo ?? '')}"></textarea>
</div></article>
</main>
<script nonce="${options.nonce}">${script}</script>
</body>
</html>
`;
}
