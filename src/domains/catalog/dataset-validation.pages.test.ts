// The dataset editor shows the saved version checked against DCAT-AP, DCAT-AP HVD and DCAT-AP-SE
// (the DCAT domain's validator, bound in src/domains.ts), in Swedish and English.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { domainsOf } from '../../domains.js';
import { addMember, createOrg, createUser, sessionCookie, type TestUser } from '../organizations/testing.js';
import { startApp, type CatalogTestApp } from './testing.js';

const CC_BY = 'http://creativecommons.org/licenses/by/4.0/';
const ECON = 'http://publications.europa.eu/resource/authority/data-theme/ECON';

/** The validation section of an edit page, as text. */
function validationSection(html: string): string {
  const match = /<section aria-labelledby="validation-heading"[\s\S]*?<\/section>/.exec(html);
  assert.ok(match, 'the editor has a validation section');
  return match[0].replace(/<[^>]+>/g, ' ').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/\s+/g, ' ');
}

describe('DCAT-AP-SE check in the dataset editor', () => {
  let t: CatalogTestApp;
  let editor: TestUser;
  let cookie: string;
  const get = (url: string) => t.app.inject({ method: 'GET', url, cookies: { allmanning_session: cookie } });
  const catalog = () => domainsOf(t.deps).catalog.catalog;

  before(async () => {
    t = await startApp();
    editor = await createUser(t, { name: 'Eva Redaktör' });
    const org = await createOrg(t, { name: { sv: 'Statistikverket', en: 'Statistics Agency' }, slug: 'statistikverket' });
    await addMember(t, org.id, editor, 'editor');
    cookie = await sessionCookie(t, editor);
    await catalog().datasets.create(await editor.actor(), { organization: 'statistikverket', title: { sv: 'Bara en titel' }, slug: 'bara-en-titel' });
  });
  after(() => t.close());

  test('a draft with only a title: errors name the property, what is wrong and how to fix it', async () => {
    const page = await get('/datasets/bara-en-titel/edit');
    assert.equal(page.statusCode, 200);
    const section = validationSection(page.body);
    assert.match(section, /Kontroll mot DCAT-AP-SE/);
    assert.match(section, /\d+ fel, \d+ varningar, \d+ förslag/);
    assert.doesNotMatch(section, /Inga fel/);
    assert.match(section, / Fel /, 'an errors group');
    assert.match(section, /Beskrivning/, 'the missing description is named by its DCAT-AP-SE label');
    assert.match(section, /Så åtgärdar du det:/);
  });

  test('English editor, English messages', async () => {
    const section = validationSection((await get('/en/datasets/bara-en-titel/edit')).body);
    assert.match(section, /DCAT-AP-SE check/);
    assert.match(section, /\d+ errors, \d+ warnings, \d+ suggestions/);
    assert.match(section, /How to fix it:/);
  });

  test('once the mandatory fields are there, the check reports no errors', async () => {
    const actor = await editor.actor();
    const before = validationSection((await get('/datasets/bara-en-titel/edit')).body);
    const errorsBefore = Number(/(\d+) fel/.exec(before)![1]);
    assert.ok(errorsBefore > 0);
    const current = await catalog().datasets.get(actor, 'bara-en-titel');
    await catalog().datasets.update(actor, 'bara-en-titel', { description: { sv: 'Antal invånare per kommun.' }, themes: [ECON], contactPoint: { kind: 'organization', name: 'Statistikverket', email: 'data@example.se' } }, `"${current.state.row.id}.${current.state.row.revision}"`);
    await catalog().distributions.add(actor, 'bara-en-titel', { accessUrl: 'https://example.se/befolkning.csv', license: CC_BY, format: 'CSV' });
    const after = validationSection((await get('/datasets/bara-en-titel/edit')).body);
    assert.match(after, /Inga fel\. Datamängden uppfyller DCAT-AP-SE\./, after);
    assert.match(after, /0 fel/);
  });
});
