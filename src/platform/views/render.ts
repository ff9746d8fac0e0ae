import type { VNode } from 'preact';
import { renderToString } from 'preact-render-to-string';

/** Renders a full page; preact escapes every text and attribute value. */
export function renderPage(vnode: VNode): string {
  return `<!doctype html>${renderToString(vnode)}`;
}
