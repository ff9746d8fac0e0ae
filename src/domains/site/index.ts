export { sitePages } from './site.pages.js';
