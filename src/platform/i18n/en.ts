import type { Messages } from './sv.js';

// English: complete, same keys as sv.ts.
export const en: Messages = {
  'site.name': 'Allmänning',
  'site.tagline': 'Open data and know-how from the Swedish public sector – shared by all, for all',
  'layout.skipToContent': 'Skip to main content',
  'layout.mainNavigation': 'Main menu',
  'layout.languageSwitch': 'På svenska',
  'layout.languageSwitchLabel': 'Läs sidan på svenska',
  'layout.footerNavigation': 'Footer',
  'layout.footerAbout': 'Allmänning is the open-data network of the Swedish public sector.',
  'layout.metadataLicense': 'The catalogue metadata is free to reuse (CC0 1.0).',
  'nav.home': 'Home',
  'nav.api': 'API',
  'nav.accessibility': 'Accessibility',
  'nav.organizations': 'Organisations',
  'nav.login': 'Log in',
  'nav.signup': 'Create account',
  'nav.account': 'My account',
  'nav.admin': 'Administration',
  'nav.logout': 'Log out',
  'layout.accountNavigation': 'Account',
  'home.title': 'Allmänning – open data in the public sector',
  'home.heading': 'Share data. Share know-how. Show the benefit.',
  'home.lead':
    'Allmänning is where Swedish agencies, municipalities, regions and state-owned companies share open data – with each other and with everyone else.',
  'home.pillars.heading': 'What we do together',
  'home.pillar.share.title': 'Share data',
  'home.pillar.share.text':
    'Every organisation describes its datasets and APIs in DCAT-AP-SE. The catalogue feeds dataportal.se and data.europa.eu.',
  'home.pillar.licences.title': 'Clear licences',
  'home.pillar.licences.text':
    'CC0 1.0 and CC BY 4.0 first, as Digg and PRV recommend. Data that is not open is clearly marked.',
  'home.pillar.workshops.title': 'Monthly workshops',
  'home.pillar.workshops.text': 'The network meets on the first Tuesday of every month. Seats are limited – sign up in time.',
  'home.pillar.knowledge.title': 'Share know-how',
  'home.pillar.knowledge.text':
    'Practical examples, licences, law, data requests and experience from other organisations.',
  'home.pillar.benefit.title': 'Measure effort and benefit',
  'home.pillar.benefit.text':
    'Metadata quality, usage, reuse and answered requests – for each organisation and for the whole network.',
  'home.pillar.proactive.title': 'Be proactive',
  'home.pillar.proactive.text': 'Share before anyone asks. What is requested is visible, and the path from request to publication is measured.',
  'home.machines.heading': 'For developers and machines',
  'home.machines.text': 'Everything on the site is also in a documented REST API.',
  'home.machines.link': 'Read the API documentation',
  'accessibility.title': 'Accessibility statement',
  'accessibility.intro':
    'Allmänning is committed to the Swedish Act (2018:1937) on accessibility to digital public services. This page describes how the site meets the law, known shortcomings and how to report problems.',
  'accessibility.status.heading': 'How accessible is the site?',
  'accessibility.status.text':
    'The site is built to meet WCAG 2.1 level AA. Every page is checked automatically with axe in a real browser before release, and every function works with a keyboard and without JavaScript.',
  'accessibility.known.heading': 'Known shortcomings',
  'accessibility.known.text':
    'We know of no shortcomings right now. Automated tests do not find everything; tell us if something does not work for you.',
  'accessibility.report.heading': 'Report a problem',
  'accessibility.report.text':
    'If you run into problems or need content in another format, contact us. We answer within five working days.',
  'accessibility.supervision.heading': 'Supervision',
  'accessibility.supervision.text':
    'The Agency for Digital Government (Digg) supervises the law. If you are not satisfied with how we handle your feedback, you can contact Digg.',
  'accessibility.supervision.link': 'Report to Digg',
  'accessibility.method.heading': 'How we tested the site',
  'accessibility.method.text':
    'We test every page with axe-core (WCAG 2.1 A and AA) in Chromium and go through the pages by keyboard. This statement was last updated {date}.',
  'apiDocs.title': 'API documentation',
  'apiDocs.intro':
    'The Allmänning REST API lives under /api/v1 and answers in JSON. The complete OpenAPI 3.1 document can be read by machines and tools.',
  'apiDocs.openapiLink': 'The OpenAPI document (JSON)',
  'apiDocs.operations': 'Operations',
  'apiDocs.method': 'Method',
  'apiDocs.path': 'Path',
  'apiDocs.summary': 'Description',
  'apiDocs.errors.heading': 'Errors',
  'apiDocs.errors.text':
    'Errors are always answered as {"error": {"code", "message", "details"}} with a stable code, for example validation_failed (400), not_found (404) or rate_limited (429).',
  'error.notFound.title': 'Page not found',
  'error.notFound.text': 'We cannot find the page you are looking for. Check the address or go to the home page.',
  'error.gone.title': 'This page has been removed',
  'error.gone.text': 'What was here has been removed and will not come back.',
  'error.forbidden.title': 'You are not allowed to do this',
  'error.forbidden.text': 'You may not do this. The form may have been too old – reload the page and try again.',
  'error.badRequest.title': 'Something is wrong with the request',
  'error.badRequest.text': 'The request could not be handled. Check what you sent and try again.',
  'error.tooMany.title': 'Too many requests',
  'error.tooMany.text': 'Wait a moment and try again.',
  'error.server.title': 'Something went wrong',
  'error.server.text': 'An unexpected error happened on our side. Try again in a moment. Quote the error code {requestId} if you contact us.',
  'error.backHome': 'Go to the home page',
};
