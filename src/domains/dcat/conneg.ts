// Content negotiation for linked data: which RDF syntax an Accept header asks for, if it prefers
// one over HTML. A type's quality is that of the most specific range matching it (RFC 9110
// §12.5.1); on a tie HTML wins, so browsers (and `*/*`) keep getting the page.
import { RDF_FORMATS, rdfFormats, type RdfFormat } from './serializers/index.js';

interface Range {
  type: string;
  subtype: string;
  q: number;
}

export function parseAccept(header: string | undefined): Range[] {
  if (!header) return [];
  return header.split(',').flatMap((part) => {
    const [mediaRange, ...params] = part.trim().split(';');
    const [type, subtype] = (mediaRange ?? '').trim().toLowerCase().split('/');
    if (!type || !subtype) return [];
    let q = 1;
    for (const param of params) {
      const [name, value] = param.split('=').map((s) => s.trim());
      if (name?.toLowerCase() === 'q') q = Math.min(1, Math.max(0, Number(value) || 0));
    }
    return [{ type, subtype, q }];
  });
}

/** The quality the ranges give `mediaType` (0 when nothing matches). */
export function qualityOf(ranges: readonly Range[], mediaType: string): number {
  const [type, subtype] = mediaType.split('/');
  let best: { specificity: number; q: number } | undefined;
  for (const range of ranges) {
    const specificity = range.type === type && range.subtype === subtype ? 3 : range.type === type && range.subtype === '*' ? 2 : range.type === '*' && range.subtype === '*' ? 1 : 0;
    if (specificity && (!best || specificity > best.specificity)) best = { specificity, q: range.q };
  }
  return best?.q ?? 0;
}

/**
 * The RDF syntax the header prefers to HTML, or undefined (then the page is served). Without an
 * Accept header, HTML. Among RDF syntaxes, the order of RDF_FORMATS breaks ties (RDF/XML first:
 * what dataportal.se reads).
 */
export function preferredRdfFormat(accept: string | undefined): RdfFormat | undefined {
  const ranges = parseAccept(accept);
  if (ranges.length === 0) return undefined;
  const html = Math.max(qualityOf(ranges, 'text/html'), qualityOf(ranges, 'application/xhtml+xml'));
  let best: { format: RdfFormat; q: number } | undefined;
  for (const format of rdfFormats) {
    const q = qualityOf(ranges, RDF_FORMATS[format].contentType);
    if (q > 0 && (!best || q > best.q)) best = { format, q };
  }
  return best && best.q > html ? best.format : undefined;
}

/** The RDF syntax for a catalog URL without an extension: the preferred one, else RDF/XML. */
export function catalogFormat(accept: string | undefined): RdfFormat | 'html' {
  const ranges = parseAccept(accept);
  const preferred = preferredRdfFormat(accept);
  if (preferred) return preferred;
  const html = Math.max(qualityOf(ranges, 'text/html'), qualityOf(ranges, 'application/xhtml+xml'));
  // A browser asks for HTML explicitly; anything else (no header, */*) gets the catalog itself.
  return ranges.some((r) => r.type === 'text' && r.subtype === 'html') && html > 0 ? 'html' : 'rdf';
}
