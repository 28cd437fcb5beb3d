// A very small HTML reader for the HTML that mammoth writes: well-formed, lower-case tags, attributes in
// double quotes, only &amp; &lt; &gt; &quot; escaped. Not a general HTML parser, and need not be one.

export interface HtmlElement {
  type: 'element';
  tag: string;
  attrs: Record<string, string>;
  children: HtmlNode[];
}

export interface HtmlText {
  type: 'text';
  value: string;
}

export type HtmlNode = HtmlElement | HtmlText;

const VOID = new Set(['br', 'img', 'hr', 'col', 'input', 'meta', 'link', 'wbr']);
const TOKEN =
  /<!--[\s\S]*?-->|<(\/?)([a-zA-Z][a-zA-Z0-9]*)((?:\s+[^\s=>/]+(?:="[^"]*")?)*)\s*(\/?)>|([^<]+)|</g;
const ATTR = /([^\s=>/]+)(?:="([^"]*)")?/g;

export function parseHtml(html: string): HtmlElement {
  const root: HtmlElement = { type: 'element', tag: '#root', attrs: {}, children: [] };
  const stack: HtmlElement[] = [root];
  for (const m of html.matchAll(TOKEN)) {
    const top = stack[stack.length - 1] as HtmlElement;
    const [whole, closing, tagName, attrText, selfClosing, text] = m;
    if (text !== undefined) {
      top.children.push({ type: 'text', value: decodeEntities(text) });
    } else if (tagName === undefined) {
      // A comment, or a stray '<' that begins no tag: keep the '<' as text.
      if (whole === '<') top.children.push({ type: 'text', value: '<' });
    } else if (closing) {
      const tag = tagName.toLowerCase();
      const at = stack.map((e) => e.tag).lastIndexOf(tag);
      if (at > 0) stack.length = at; // closes any element left open inside it
    } else {
      const tag = tagName.toLowerCase();
      const element: HtmlElement = { type: 'element', tag, attrs: readAttrs(attrText ?? ''), children: [] };
      top.children.push(element);
      if (!selfClosing && !VOID.has(tag)) stack.push(element);
    }
  }
  return root;
}

function readAttrs(s: string): Record<string, string> {
  const attrs: Record<string, string> = {};
  for (const m of s.matchAll(ATTR)) {
    if (m[1]) attrs[m[1].toLowerCase()] = decodeEntities(m[2] ?? '');
  }
  return attrs;
}

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

export function decodeEntities(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);/g, (whole, name: string) => {
    if (name.startsWith('#x')) return safeCodePoint(Number.parseInt(name.slice(2), 16)) ?? whole;
    if (name.startsWith('#')) return safeCodePoint(Number.parseInt(name.slice(1), 10)) ?? whole;
    return NAMED[name] ?? whole;
  });
}

function safeCodePoint(n: number): string | undefined {
  return Number.isInteger(n) && n >= 0 && n <= 0x10ffff ? String.fromCodePoint(n) : undefined;
}
