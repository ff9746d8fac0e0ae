// Markdown → safe HTML for organisation descriptions: markdown-it with raw HTML off, then
// sanitize-html on its output (belt and braces). Links keep only http, https and mailto and get
// rel="nofollow ugc"; images are dropped (the CSP would block other sites' images anyway) and
// headings start at h3 so they nest under the page's own h1/h2.
import { createRequire } from 'node:module';
import type MarkdownIt from 'markdown-it';
import type sanitizeHtml from 'sanitize-html';

// Both are loaded on the first render (synchronously, through require): together they cost
// ~0.1 s of start-up that processes which never render a description should not pay.
const requireCjs = createRequire(import.meta.url);
let loaded: { markdown: InstanceType<typeof MarkdownIt>; sanitize: typeof sanitizeHtml } | undefined;
function renderer() {
  loaded ??= {
    markdown: new (requireCjs('markdown-it') as typeof MarkdownIt)({ html: false, linkify: true, typographer: false }),
    sanitize: requireCjs('sanitize-html') as typeof sanitizeHtml,
  };
  return loaded;
}

const SAFE_HREF = /^(https?:\/\/|mailto:)/i;

const options: sanitizeHtml.IOptions = {
  allowedTags: ['p', 'span', 'br', 'strong', 'em', 's', 'a', 'ul', 'ol', 'li', 'code', 'pre', 'blockquote', 'hr', 'h3', 'h4', 'h5', 'h6', 'table', 'thead', 'tbody', 'tr', 'th', 'td'],
  allowedAttributes: { a: ['href', 'title', 'rel'], ol: ['start'] },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesAppliedToAttributes: ['href'],
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
  transformTags: {
    h1: 'h3',
    h2: 'h4',
    h3: 'h5',
    h4: 'h6',
    h5: 'h6',
    // A link to anything but http(s) or mail keeps its text and loses the link.
    a: (tagName, attribs) =>
      SAFE_HREF.test(attribs.href ?? '') ? { tagName, attribs: { ...attribs, rel: 'nofollow ugc' } } : { tagName: 'span', attribs: {} },
  },
};

/** Renders Markdown to HTML that is safe to put into a page as it is. */
export function renderMarkdown(source: string): string {
  const { markdown, sanitize } = renderer();
  return sanitize(markdown.render(source), options).trim();
}
