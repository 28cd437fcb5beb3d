// Escaping for the markup renderers. XML 1.0 forbids most C0 controls and lone surrogates outright,
// so they are dropped rather than escaped (an escaped &#1; is still invalid).

const XML_INVALID =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: matching the characters XML forbids is the point.
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Removes characters XML 1.0 cannot carry (for text handed to libraries that write XML, like exceljs). */
export function stripXmlInvalid(text: string): string {
  return text.replace(XML_INVALID, '');
}

/** Text or attribute value for XML/HTML: &, <, >, " and ' escaped, XML-invalid characters removed. */
export function escapeXml(text: string): string {
  return text
    .replace(XML_INVALID, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/** Same rules for HTML; &#39; because &apos; is not an HTML 4 entity. */
export function escapeHtml(text: string): string {
  return escapeXml(text).replace(/&apos;/g, '&#39;');
}
