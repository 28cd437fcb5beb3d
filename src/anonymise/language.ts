// Finnish or Swedish placeholders, decided per paragraph from function words (bilingual reports mix).
const SV = new Set(
  'och att det som är en ett för med på av inte till har var de den om men också kan ska inom samt detta dessa vi när där kommunen projektet'.split(
    ' ',
  ),
);
const FI = new Set(
  'ja on ei että oli ovat sekä myös kuin tai mutta se ne joka jotka jossa kun jos olla ollut hankkeen kunnan kuntien tämä nämä lisäksi kanssa'.split(
    ' ',
  ),
);

export function paragraphLanguage(paragraph: string): 'fi' | 'sv' {
  let fi = 0;
  let sv = 0;
  for (const w of paragraph.toLowerCase().split(/[^\p{L}]+/u)) {
    if (FI.has(w)) fi++;
    if (SV.has(w)) sv++;
  }
  return sv > fi ? 'sv' : 'fi';
}

/** Language of the paragraph around each offset, computed once per paragraph. */
export function languageAt(text: string): (offset: number) => 'fi' | 'sv' {
  const breaks = [0];
  for (const m of text.matchAll(/\n[ \t]*\n/gu)) breaks.push((m.index ?? 0) + m[0].length);
  breaks.push(text.length + 1);
  const cache = new Map<number, 'fi' | 'sv'>();
  return (offset) => {
    let k = 0;
    while (k + 1 < breaks.length && (breaks[k + 1] ?? 0) <= offset) k++;
    const start = breaks[k] ?? 0;
    let lang = cache.get(start);
    if (!lang) {
      lang = paragraphLanguage(text.slice(start, breaks[k + 1]));
      cache.set(start, lang);
    }
    return lang;
  };
}
