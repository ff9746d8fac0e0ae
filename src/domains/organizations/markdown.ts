// Markdown → safe HTML for organisation descriptions: markdown-it with raw HTML off, then
// sanitize-html on its output (belt and braces). Links keep only http, https and mailto and get
// rel="nofollow ugc"; images are dropped (the CSP would block other sites' images anyway) and
// headings start at h3 so they nest under the page's own h1/h2.
import MarkdownIt from 'markdown-it';
import sanitizeHtml from 'sanitize-html';

const markdown = new MarkdownIt({ html: false, linkify: true, typographer: false });

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
  return sanitizeHtml(markdown.render(source), options).trim();
}
