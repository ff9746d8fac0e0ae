export { Layout, mainNavigation } from './layout.js';
export type { LayoutProps, NavItem } from './layout.js';
export { ErrorPage } from './error-page.js';
export { renderPage } from './render.js';
export { createPageContext } from './page-context.js';
export type { PageContext } from './page-context.js';
