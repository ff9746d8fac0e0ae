import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { renderMarkdown } from './markdown.js';

describe('Markdown rendering', () => {
  test('renders ordinary Markdown', () => {
    const html = renderMarkdown('# Om oss\n\nVi är **en myndighet** med *öppna data*.\n\n- ett\n- två');
    assert.match(html, /<h3>Om oss<\/h3>/);
    assert.match(html, /<strong>en myndighet<\/strong>/);
    assert.match(html, /<em>öppna data<\/em>/);
    assert.match(html, /<ul>\s*<li>ett<\/li>\s*<li>två<\/li>\s*<\/ul>/);
  });

  test('links get rel="nofollow ugc"; only http, https and mailto survive', () => {
    assert.equal(renderMarkdown('[Digg](https://www.digg.se)'), '<p><a href="https://www.digg.se" rel="nofollow ugc">Digg</a></p>');
    assert.match(renderMarkdown('[mejla](mailto:info@digg.se)'), /href="mailto:info@digg.se"/);
    assert.match(renderMarkdown('https://example.se'), /<a href="https:\/\/example.se" rel="nofollow ugc">/, 'bare URLs are linked');
    for (const bad of ['[x](javascript:alert(1))', '[x](JaVaScRiPt:alert(1))', '[x](data:text/html;base64,PHNjcmlwdD4=)', '[x](vbscript:msgbox)', '[x](//evil.example/path)']) {
      const html = renderMarkdown(bad);
      assert.doesNotMatch(html, /<a |href=/i, bad);
      assert.match(html, /x/, 'the text stays');
    }
  });

  test('raw HTML is shown as text, never executed', () => {
    const html = renderMarkdown('<script>alert(1)</script>\n\n<img src=x onerror=alert(1)>\n\n<a href="javascript:x" onclick="y">z</a>');
    assert.doesNotMatch(html, /<script|<img|<a /i);
    assert.match(html, /&lt;script&gt;/);
  });

  test('images and inline styles are dropped', () => {
    assert.doesNotMatch(renderMarkdown('![logo](https://example.se/x.png)'), /<img/);
    assert.doesNotMatch(renderMarkdown('| a |\n|:-:|\n| b |'), /style=/);
  });

  test('empty input gives empty output', () => {
    assert.equal(renderMarkdown(''), '');
  });
});
