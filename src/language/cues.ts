// Polarity cues of report language: how Finnish and Swedish final reports say that something worked or
// did not. These are general language resources (outcome words, difficulty words, negators, contrast
// markers, counterfactuals), not vocabulary of any codebook's themes: they apply to every codebook whose
// themes carry polarity. Stems end in "*"; bare words are lemmas inflected by the Finnish rules.
import type { LexiconEntry } from './lexicon.js';

export type CueKey = 'pos' | 'neg' | 'negator' | 'contrast' | 'counterfactual' | 'reducer' | 'descriptive';

type CueTable = Record<CueKey, string[]>;

const FI: CueTable = {
  pos: [
    'onnistu*^1.5', 'onnistuneesti=^1.5', 'menestyks*', 'menestyksekä*', 'sujui*', 'sujuva*', 'sujuvasti=', 'sujuvoitu*',
    'hyvin=', 'hyvä=', 'hyvät=', 'hyviä=', 'hyvää=', 'paremmin=', 'parempi*', 'paras=', 'parhaat=', 'parhaiten=', 'erinomai*', 'loistava*',
    'parantu*', 'parani', 'paransi', 'paranee=', 'paranevat=', 'parantaa=', 'parantavat=', 'paranne*', 'parannu*', 'helpottu*', 'helpotti', 'helpottanut', 'helpompi', 'helpommin=',
    'tehostu*', 'tehostanut', 'tehosti', 'nopeutu*', 'nopeutti', 'nopeammin=', 'vahvistu*', 'vahvisti', 'vahvempi',
    'kasvoi', 'kasvanut', 'kasvaneet', 'lisääntyi', 'lisääntyn*', 'laajeni', 'laajentu*', 'monipuolistu*', 'kehittyi', 'kehittyn*',
    'edistyi', 'edistyn*', 'hyöty*', 'hyödyll*', 'hyödy', 'hyötyi*', 'hyödyttä*', 'arvokas', 'arvokkaa*', 'tärkeä*', 'myönteinen', 'myönteis*', 'positiivinen', 'positiivis*',
    'tyytyväi*', 'innostu*', 'innostunei*', 'kiinnostuivat', 'kiinnostui', 'kiinnostunut', 'kiinnostuneita', 'kiinnostuneet', 'aktiivisesti=', 'aktiivinen', 'saavutettiin', 'saavutti', 'saavuttanut', 'saavutettu=', 'saavutetut=',
    'saatiin aikaan', 'onnistuimme', 'opimme', 'oppi*', 'oivallu*', 'oivalsi*', 'ymmärrys kasvoi', 'toimivuus', 'hyvin toimiva*', 'toimi hyvin', 'toimivat hyvin', 'toimiva ratkaisu',
    'hedelmällinen', 'hedelmällis*', 'opettavai*^1.5', 'antoisa*', 'tuloksellinen', 'tuloksekas', 'tuloksekkaa*', 'säästö', 'säästy*', 'säästää', 'säästi', 'vähentyi', 'vähentyn*',
    'poistui', 'poistu*', 'nykyään=', 'aiempaa=', 'entistä=', 'ensimmäistä kertaa', 'ennätys*', 'mahdollisti', 'mahdollistanut', 'mahdollistaa', 'uusi väylä', 'käyttöön otettiin', 'otettiin käyttöön', 'vakiintu*', 'vakiinnutet*', 'jatkuu',
    'ratkotaan ongelmia^1.5', 'ratkaistiin ongelm*^1.5', 'ongelmien ratkaisu*^1.5', 'ongelmat ratkesivat^1.5', 'ratkesi*', 'ratkaistiin', 'luotettava*', 'yhteistyökykyi*', 'sovitussa aikataulussa^1.5', 'aikataulussa', 'ajallaan=', 'suunnitellusti=', 'odotetusti=', 'odotettua enemmän', 'toivottua enemmän', 'sitoutunei*', 'sitoutuivat', 'rakentava*', 'luontevasti=', 'kitkattomasti=', 'ketterästi=',
  ],
  neg: [
    'ongelm*^1.5', 'haaste^1.5', 'haasteelli*^1.5', 'haasteita^1.5', 'haasteena^1.5', 'haasteeksi', 'hankala*', 'hankaloit*', 'vaikea*', 'vaikeu*', 'vaikeutt*',
    'viivästy*^1.5', 'viivästyt*^1.5', 'viive*', 'myöhästy*', 'venyi', 'venyminen', 'venyivät', 'puute^1.5', 'puutteita', 'puutteen', 'puutteelli*^1.5', 'puuttu*', 'puuttei*',
    'heikko', 'heikosti=', 'heikkou*', 'heikoksi', 'riittämät*^1.5', 'riittämätön', 'liian=', 'epäonnistu*^2', 'keskeyty*', 'keskeytti', 'kaatui',
    'este', 'esteitä', 'estänyt', 'esti', 'hidast*', 'hidas', 'hitaa*', 'hitaasti=', 'valitettava*', 'valitettavasti=^1.5', 'ikävä kyllä^1.5', 'kuormitt*',
    'kuormittu*', 'ristiriita*', 'ristiriidat', 'epäselv*', 'epäsuhta', 'epäsuhda*', 'sopimaton', 'turhautu*', 'kallis', 'kalli*', 'kalliiksi',
    'tuloksetta', 'toteutumatta', 'tekemättä', 'jäi kesken', 'jäivät kesken', 'kesken jää*', 'kesken jäänyt', 'sitoutumatto*', 'kiinnostumatto*', 'vastahakoi*', 'vastustu*', 'muutosvastarin*',
    'ylimääräi*', 'virhe*', 'virheelli*', 'häiriö*', 'katko*', 'vaihteli*', 'vaihtelevasti=', 'valitus', 'valituksia', 'vastoinkäymi*', 'jumiutu*', 'takkui*',
    'uupu*', 'kiire*', 'osittain=', 'vain osin', 'kiistel*', 'kiista*', 'ylitti', 'ylittyi', 'ylitys', 'hiipui', 'hiipu*', 'vain muutama', 'ei toiminut^1.5', 'eivät toimineet^1.5', 'ei toimi^1.5', 'ei toimineet^1.5', 'fungerade inte^1.5', 'kieltäytyi*', 'torjui', 'laiminlöi*', 'vain harva*', 'vähäi*', 'vähän=', 'niukka*', 'niukasti=', 'lopahti', 'tyssäsi', 'ruuhka*', 'resurssipula*', 'pula', 'vaje', 'vajaa*', 'vajaus', 'menetti*', 'menetet*', 'katosi', 'loppui', 'joutua', 'katkai*', 'katke*', 'kesken hankkeen', 'kesken kauden', 'peruttiin', 'perumaan', 'peruuntui*', 'peruuntu*', 'mahdoton*', 'mahdotonta',
    'huoli=', 'huolta=', 'huolena=', 'huolestu*', 'monimutkai*', 'raskas', 'raskaa*', 'työläs', 'työlää*', 'haitta*', 'rajoitti', 'rajoittu*', 'heikensi',
  ],
  negator: ['ei', 'eivät', 'emme', 'en', 'et', 'ette', 'eikä', 'eivätkä', 'ilman', 'ettei', 'etteivät', 'vailla'],
  contrast: ['mutta', 'kuitenkin', 'toisaalta', 'vaikka', 'silti', 'sen sijaan', 'kuitenkaan', 'valitettavasti', 'sitä vastoin'],
  counterfactual: [
    'olisi tarvittu', 'olisi vaatinut', 'olisi pitänyt', 'olisi kannattanut', 'olisi ollut', 'olisi tarvinnut', 'olisivat vaatineet',
    'olisi tullut', 'olisi voinut', 'olisimme tarvinneet',
  ],
  reducer: ['vähentää', 'vähentänyt', 'vähentäneet', 'vähensi', 'vähenivät', 'väheni', 'vähentyi*', 'vähentyn*', 'poistaa', 'poisti', 'poistanut', 'poistaneet', 'karsi*', 'ehkäis*', 'ennaltaehkäis*', 'korjattiin', 'korjasi', 'korjaantui*', 'muutoin=', 'muuten='],
  descriptive: [
    'tuotoksina', 'tuotoksia ovat', 'hankittiin', 'allekirjoitettiin', 'koostui', 'kuuluivat', 'oli avoinna', 'toimi puheenjohtajana',
    'on tallennettu', 'tallennettiin', 'liitteenä', 'liitteessä', 'on kuvattu', 'kuvataan', 'löytyvät', 'on luettavissa',
  ],
};

const SV: CueTable = {
  pos: [
    'lyckades^1.5', 'lyckad*^1.5', 'lyckat', 'framgång*', 'framgångsri*', 'fungerade bra', 'fungerar bra', 'bra=', 'bättre=', 'bäst', 'utmärkt*',
    'förbättr*', 'effektivis*', 'effektivare', 'smidig*', 'smidigare', 'snabbare', 'enklare', 'underlätta*', 'ökade', 'ökat', 'växte', 'stärkt*', 'stärkte',
    'nöjd*', 'positiv*', 'värdefull*', 'givande', 'lärde', 'lärt', 'insikt*', 'nytta', 'nyttig*', 'gynna*', 'aktivt=', 'numera=', 'för första gången',
    'uppnå*', 'uppnådde', 'sparade', 'besparing*', 'minskade', 'möjliggj*', 'välfungerande', 'fruktbar*', 'konstruktiv*',
  ],
  neg: [
    'problem*^1.5', 'utmaning*^1.5', 'utmanande', 'svår*', 'svårighet*', 'försen*^1.5', 'förseningar', 'dröj*', 'brist*^1.5', 'bristfällig*', 'saknade*',
    'saknas', 'misslyck*^2', 'tyvärr^1.5', 'långsam*', 'dyr*', 'avbröt*', 'avbrut*', 'hindr*', 'otillräcklig*', 'för lite', 'oklar*', 'konflikt*',
    'motstånd', 'ovillig*', 'belast*', 'tungt=', 'krånglig*', 'fel', 'felaktig*', 'störning*', 'oro', 'omständlig*', 'komplicerad*', 'begräns*', 'varierade', 'delvis=', 'omöjlig*', 'stod stilla', 'stannade av', 'avstannade',
  ],
  negator: ['inte', 'ej', 'aldrig', 'utan', 'ingen', 'inga', 'inget'],
  contrast: ['men', 'dock', 'ändå', 'däremot', 'trots', 'fast', 'likväl', 'även om'],
  counterfactual: ['hade behövts', 'skulle ha behövt', 'borde ha', 'hade krävt', 'skulle ha krävt'],
  reducer: ['minska*', 'minskade', 'eliminer*', 'förebygg*', 'åtgärda*', 'rättade', 'annars='],
  descriptive: ['bifogas', 'bestod av', 'undertecknades', 'upphandlades', 'finns i bilaga', 'beskrivs', 'var öppen'],
};

const TABLES: Record<'fi' | 'sv', CueTable> = { fi: FI, sv: SV };

/** Finite verb forms in the lists (parani, saatiin, opimme) are matched as written, not as stems. */
const FINITE_FORM = /(i|iin|mme|vat|vät|tta|ttä)$/;

function parse(raw: string): { words: string[]; weight: number } {
  const [body, w] = raw.split('^');
  const words = (body ?? '').split(' ').filter(Boolean);
  const single = words.length === 1 && words[0] !== undefined && !/[*=]$/.test(words[0]) && FINITE_FORM.test(words[0]);
  return { words: single ? [`${words[0]}=`] : words, weight: w === undefined ? 1 : Number(w) };
}

export function cueEntries(lang: 'fi' | 'sv'): LexiconEntry<CueKey>[] {
  const out: LexiconEntry<CueKey>[] = [];
  for (const [key, list] of Object.entries(TABLES[lang]) as [CueKey, string[]][]) {
    for (const raw of list) {
      const { words, weight } = parse(raw);
      out.push({ key, label: (raw.split('^')[0] ?? raw).replace(/=$/, ''), weight, words });
    }
  }
  return out;
}

/**
 * Heading words that tell what a section reports: its outcomes' polarity, or that it is descriptive
 * (costs, schedule, contacts), where topic words do not make a finding.
 */
export const SECTION_CUES: Record<'success' | 'challenge' | 'descriptive', string[]> = {
  success: [
    'onnistu*', 'hyöty*', 'hyödy*', 'saavutu*', 'saavute*', 'vaikutu*', 'tulokse*', 'tulokset', 'opit', 'oppimi*', 'hyvät käytännöt',
    'framgång*', 'resultat', 'lärdom*', 'nytta', 'effekter',
  ],
  challenge: [
    'riski*', 'riskit', 'haaste*', 'ongelm*', 'kehittämiskohte*', 'epäonnistu*', 'vaikeu*', 'puuttee*', 'utmaning*', 'risker', 'problem*', 'svårighet*',
  ],
  descriptive: [
    'kustannu*', 'budjet*', 'talous', 'rahoitu*', 'aikataulu*', 'yhteystied*', 'ohjausryhmä*', 'organisoitu*', 'organisaatio', 'sisällys*',
    'liitteet', 'liite', 'dokumentaatio', 'lähteet', 'tuotoks*', 'tuotokset', 'sopimukset', 'lisenssit', 'hankinnat', 'viestintä',
    'vaiheistus', 'toimenpiteet kausittain', 'leveranser', 'avtal', 'upphandlingar', 'kommunikation', 'dokumentation', 'kostnad*', 'budget', 'tidtabell', 'kontaktuppgift*', 'styrgrupp*', 'innehåll', 'bilag*',
  ],
};
