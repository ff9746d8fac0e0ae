// The catalog pages through app.inject: who sees which datasets, the editor (drafts, 400 with the
// entered values, 409, 412 for a stale revision), publishing with its confirmations, history with a
// field diff and restore, English, data services, series and the organisation page. Uploads through
// the distribution form are in distribution.pages.test.ts.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { domainsOf } from '../../domains.js';
import { addMember, createOrg, createUser, formSession, sessionCookie, type TestUser } from '../organizations/testing.js';
import { startApp, type CatalogTestApp } from './testing.js';

const FORM = { 'content-type': 'application/x-www-form-urlencoded' };
const CONFIRMED = { 'confirmation.noSecrecy': 'on', 'confirmation.personalDataAssessed': 'on', 'confirmation.noThirdPartyRights': 'on', 'confirmation.authorized': 'on' };
const CC_BY = 'http://creativecommons.org/licenses/by/4.0/';
const ECON = 'http://publications.europa.eu/resource/authority/data-theme/ECON';
const EDUC = 'http://publications.europa.eu/resource/authority/data-theme/EDUC';

/** The text of an HTML page without tags (what a reader sees). */
function text(html: string): string {
  return html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/\s+/g, ' ');
}

/** A url-encoded body in which a field may repeat (checkbox groups). */
function encode(fields: Record<string, string | string[]>): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(fields)) for (const v of Array.isArray(value) ? value : [value]) params.append(name, v);
  return params.toString();
}

describe('catalog pages', () => {
  let t: CatalogTestApp;
  let editor: TestUser;
  let member: TestUser;
  let outsider: TestUser;
  const sessions = new Map<TestUser, string>();

  const session = async (user: TestUser) => {
    if (!sessions.has(user)) sessions.set(user, await sessionCookie(t, user));
    return sessions.get(user)!;
  };
  const get = async (url: string, user?: TestUser) => t.app.inject({ method: 'GET', url, cookies: user ? { allmanning_session: await session(user) } : {} });
  /** Opens `formUrl` as `user` and posts `fields` (with its CSRF token) to `action`, url-encoded. */
  const post = async (user: TestUser, formUrl: string, action: string, fields: Record<string, string | string[]>) => {
    const form = await formSession(t, formUrl, await session(user));
    assert.equal(form.status, 200, `the form page ${formUrl} opens`);
    return t.app.inject({ method: 'POST', url: action, headers: FORM, cookies: form.cookies, payload: encode({ _csrf: form.csrf, ...fields }) });
  };
  const catalog = () => domainsOf(t.deps).catalog.catalog;

  before(async () => {
    t = await startApp();
    [editor, member, outsider] = await Promise.all([createUser(t, { name: 'Eva Redaktör' }), createUser(t, { name: 'Måns Medlem' }), createUser(t, { name: 'Olle Annan' })]);
    const org = await createOrg(t, { name: { sv: 'Statistikverket', en: 'Statistics Agency' }, slug: 'statistikverket' });
    await addMember(t, org.id, editor, 'editor');
    await addMember(t, org.id, member, 'member');
    const other = await createOrg(t, { name: { sv: 'Annat verk' }, slug: 'annat-verk' });
    await addMember(t, other.id, outsider, 'admin');

    // A published dataset, a draft, and one of another organisation, made through the service.
    const actor = await editor.actor();
    await catalog().datasets.create(actor, { organization: 'statistikverket', title: { sv: 'Befolkning per kommun', en: 'Population by municipality' }, description: { sv: 'Antal invånare <script>alert(1)</script>.' }, slug: 'befolkning', themes: [ECON] });
    await catalog().distributions.add(actor, 'befolkning', { accessUrl: 'https://example.se/befolkning', license: CC_BY });
    await catalog().datasets.publish(actor, 'befolkning', { noSecrecy: true, personalDataAssessed: true, noThirdPartyRights: true, authorized: true });
    await catalog().datasets.create(actor, { organization: 'statistikverket', title: { sv: 'Hemligt utkast' }, slug: 'hemligt-utkast' });
    t.clock.advance(60_000);
    const otherActor = await outsider.actor();
    await catalog().datasets.create(otherActor, { organization: 'annat-verk', title: { sv: 'Annat verks data' }, description: { sv: 'Data.' }, slug: 'annat-verks-data' });
    await catalog().datasets.publish(otherActor, 'annat-verks-data', { noSecrecy: true, personalDataAssessed: true, noThirdPartyRights: true, authorized: true });
  });
  after(() => t.close());

  test('the list shows what the viewer may see: published datasets, and the own organisation’s drafts marked', async () => {
    const anonymous = await get('/datasets');
    assert.equal(anonymous.statusCode, 200);
    assert.match(anonymous.body, /<h1>Datamängder<\/h1>/);
    assert.match(anonymous.body, /href="\/datasets\/befolkning"/);
    assert.match(anonymous.body, /href="\/datasets\/annat-verks-data"/);
    assert.doesNotMatch(anonymous.body, /hemligt-utkast/);
    assert.doesNotMatch(anonymous.body, /href="\/datasets\/new"/, 'no "new dataset" for the anonymous');
    assert.match(anonymous.body, /<a href="\/datasets" aria-current="page">Datamängder<\/a>/, 'the main navigation has the datasets');

    const asEditor = await get('/datasets', editor);
    assert.match(asEditor.body, /href="\/datasets\/hemligt-utkast"/);
    assert.match(text(asEditor.body), /Hemligt utkast Statistikverket Utkast/);
    assert.match(asEditor.body, /href="\/datasets\/new"/);
    assert.match((await get('/datasets', member)).body, /hemligt-utkast/, 'members see their organisation’s drafts');
    assert.doesNotMatch((await get('/datasets', member)).body, /href="\/datasets\/new"/, 'members may not create');
    assert.doesNotMatch((await get('/datasets', outsider)).body, /hemligt-utkast/);

    const filtered = await get('/datasets?organization=annat-verk');
    assert.match(filtered.body, /annat-verks-data/);
    assert.doesNotMatch(filtered.body, /befolkning/);
    assert.match(filtered.body, /<input type="checkbox" id="[^"]+" name="organization" value="annat-verk" checked\/>/, 'the search page: the organisation facet is ticked');
    const sorted = await get('/datasets?sort=newest');
    assert.ok(sorted.body.indexOf('annat-verks-data') < sorted.body.indexOf('/datasets/befolkning'), 'newest first');
    assert.equal((await get('/datasets?page=-2&sort=nonsense&organization=finns-inte')).statusCode, 200);

    const en = await get('/en/datasets');
    assert.match(en.body, /<html lang="en">/);
    assert.match(en.body, /<h1>Datasets<\/h1>/);
    assert.match(en.body, /href="\/en\/datasets\/befolkning">Population by municipality/);
  });

  test('paging: 20 a page, with previous and next', async () => {
    const actor = await outsider.actor();
    for (let i = 0; i < 20; i++) {
      const slug = `tabell-${String(i).padStart(2, '0')}`;
      await catalog().datasets.create(actor, { organization: 'annat-verk', title: { sv: `Tabell ${String(i).padStart(2, '0')}` }, description: { sv: 'Data.' }, slug });
      await catalog().datasets.publish(actor, slug, { noSecrecy: true, personalDataAssessed: true, noThirdPartyRights: true, authorized: true });
    }
    const first = await get('/datasets?organization=annat-verk');
    assert.match(first.body, /21 datamängder/);
    assert.match(first.body, /Sida 1 av 2/);
    assert.match(first.body, /href="\/datasets\?organization=annat-verk&amp;page=2" rel="next"/);
    const second = await get('/en/datasets?organization=annat-verk&page=2');
    assert.match(second.body, /Page 2 of 2/);
    assert.match(second.body, /rel="prev"/);
    assert.match(second.body, /tabell-19/);
  });

  test('the editor: only for those who may create or edit (404 otherwise)', async () => {
    assert.equal((await get('/datasets/new')).statusCode, 404);
    assert.equal((await get('/datasets/new', member)).statusCode, 404);
    const page = await get('/datasets/new?organization=statistikverket', editor);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /<option value="statistikverket" selected>Statistikverket<\/option>/);
    assert.doesNotMatch(page.body, /annat-verk/, 'only organisations the editor edits for');
    assert.match(page.body, /<label for="field-title-sv">Titel på svenska<\/label>/);
    assert.match(page.body, /name="themes" value="http:\/\/publications.europa.eu\/resource\/authority\/data-theme\/ECON"/);
    assert.match(page.body, /<select id="field-accrualPeriodicity" name="accrualPeriodicity"/);
    assert.match(page.body, /<select id="field-accessRights" name="accessRights"/);
    assert.match(page.body, /name="hvdCategories"/);
    assert.match(page.body, /name="contactPoint.email"/);
    assert.match(page.body, /name="temporal.0.start"/);
    assert.match(page.body, /<select id="field-languages-other" name="languages" multiple/);

    const edit = await get('/datasets/befolkning/edit', editor);
    assert.equal(edit.statusCode, 200);
    assert.match(edit.body, /value="Befolkning per kommun"/);
    assert.match(edit.body, /<input id="field-themes-\d+" type="checkbox" name="themes" value="http:\/\/publications.europa.eu\/resource\/authority\/data-theme\/ECON" checked\/>/);
    assert.match(edit.body, /name="revision" value="&quot;[^"]+\.\d+&quot;"/);
    for (const user of [member, outsider, undefined]) assert.equal((await get('/datasets/befolkning/edit', user)).statusCode, 404, user?.name ?? 'anonymous');
    assert.equal((await get('/datasets/hemligt-utkast', outsider)).statusCode, 404, 'a draft does not exist for outsiders');
    assert.equal((await get('/datasets/hemligt-utkast')).statusCode, 404);
  });

  test('create with only a title makes a draft and redirects to it', async () => {
    const res = await post(editor, '/datasets/new', '/datasets/new', { organization: 'statistikverket', 'title.sv': 'Skolor i Sverige', visibility: 'public' });
    assert.equal(res.statusCode, 303, res.body);
    assert.equal(res.headers.location, '/datasets/skolor-i-sverige');
    const page = await get('/datasets/skolor-i-sverige', editor);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /<h1>Skolor i Sverige<\/h1>/);
    assert.match(text(page.body), /Utkast/);
    assert.match(text(page.body), /Saknas \(krävs för att publicera\) Beskrivning på svenska ?: Beskrivning på svenska saknas./, 'the readiness panel');
    assert.equal((await get('/datasets/skolor-i-sverige')).statusCode, 404);
  });

  test('a refused create shows the form again (400) with the error summary and what was entered', async () => {
    const res = await post(editor, '/datasets/new', '/datasets/new', {
      organization: 'statistikverket',
      'title.sv': '',
      'keywords.sv': 'skola, elever',
      themes: [ECON, EDUC],
      landingPage: 'inte en adress',
      'temporal.0.start': '2024-05-01',
      'temporal.0.end': '2023-01-01',
    });
    assert.equal(res.statusCode, 400);
    assert.match(res.body, /class="error-summary" role="alert"[^>]*autofocus/);
    assert.match(res.body, /<a href="#field-title-sv">Titel på svenska: Fyll i fältet.<\/a>/);
    assert.match(res.body, /<a href="#field-landingPage">Webbsida om datamängden: Skriv en fullständig webbadress/);
    assert.match(res.body, /<a href="#field-temporal-0-end">Period 1: Till och med: Slutdatumet måste vara/);
    assert.match(res.body, /value="skola, elever"/);
    assert.match(res.body, /value="inte en adress"/);
    assert.match(res.body, /value="http:\/\/publications.europa.eu\/resource\/authority\/data-theme\/EDUC" checked/);
    assert.match(res.body, /aria-invalid="true"/);
    const en = await post(editor, '/en/datasets/new', '/en/datasets/new', { organization: 'statistikverket', 'title.sv': '' });
    assert.match(en.body, /Title in Swedish: Fill in the field|Title in Swedish: /);
  });

  test('a taken address gives 409 with the message at the field', async () => {
    const res = await post(editor, '/datasets/new', '/datasets/new', { organization: 'statistikverket', 'title.sv': 'Kopia', slug: 'befolkning' });
    assert.equal(res.statusCode, 409);
    assert.match(res.body, /Adressen används redan. Välj en annan./);
  });

  test('a stale revision gives 412, keeps what was typed and changes nothing', async () => {
    const form = await formSession(t, '/datasets/hemligt-utkast/edit', await session(editor));
    const revision = /name="revision" value="([^"]*)"/.exec(form.body)![1]!.replace(/&quot;/g, '"');
    // Someone else saves in between.
    await catalog().datasets.update(await editor.actor(), 'hemligt-utkast', { description: { sv: 'Ändrad av någon annan.' } });
    const res = await t.app.inject({
      method: 'POST',
      url: '/datasets/hemligt-utkast/edit',
      headers: FORM,
      cookies: form.cookies,
      payload: encode({ _csrf: form.csrf, revision, 'title.sv': 'Min ändring', slug: 'hemligt-utkast', visibility: 'public' }),
    });
    assert.equal(res.statusCode, 412);
    assert.match(res.body, /Någon annan har ändrat uppgifterna/);
    assert.match(res.body, /href="\/datasets\/hemligt-utkast\/edit">Ladda om med den senaste versionen/);
    assert.match(res.body, /value="Min ändring"/);
    const stored = await catalog().datasets.get(await editor.actor(), 'hemligt-utkast');
    assert.equal(stored.state.metadata.title.sv, 'Hemligt utkast');
    assert.equal(stored.state.metadata.description.sv, 'Ändrad av någon annan.');
  });

  test('an edit saves every field, with labels from the vocabularies on the page', async () => {
    const res = await post(editor, '/datasets/hemligt-utkast/edit', '/datasets/hemligt-utkast/edit', {
      'title.sv': 'Skolenkäten',
      'title.en': 'The school survey',
      'description.sv': 'Svar från elever.\n\nAndra stycket.',
      slug: 'skolenkaten',
      visibility: 'public',
      'keywords.sv': 'skola, enkät',
      themes: [EDUC],
      accrualPeriodicity: 'http://publications.europa.eu/resource/authority/frequency/ANNUAL',
      accessRights: 'http://publications.europa.eu/resource/authority/access-right/PUBLIC',
      languages: ['http://publications.europa.eu/resource/authority/language/SWE', 'http://publications.europa.eu/resource/authority/language/DEU'],
      'contactPoint.kind': 'organization',
      'contactPoint.name': 'Statistikenheten',
      'contactPoint.email': 'statistik@example.se',
      'temporal.0.start': '2020-01-01',
      'temporal.0.end': '2024-12-31',
      issued: '2025-02-01',
      landingPage: 'https://example.se/skolenkaten',
      documentation: 'https://example.se/dok\nhttps://example.se/dok2',
    });
    assert.equal(res.statusCode, 303, res.body);
    assert.equal(res.headers.location, '/datasets/skolenkaten');
    const page = text((await get('/datasets/skolenkaten', editor)).body);
    assert.match(page, /Utbildning, kultur och sport/);
    assert.match(page, /årlig/);
    assert.match(page, /Publik/);
    assert.match(page, /svenska, tyska/);
    assert.match(page, /Statistikenheten – statistik@example.se/);
    assert.match(page, /1 januari 2020 – 31 december 2024/);
    const en = text((await get('/en/datasets/skolenkaten', editor)).body);
    assert.match(en, /Education, culture and sport/);
    assert.match(en, /Swedish, German/);
  });

  test('publishing without the confirmations shows the page again with the errors; with them it publishes', async () => {
    const page = await get('/datasets/skolor-i-sverige/publish', editor);
    assert.equal(page.statusCode, 200);
    assert.match(text(page.body), /Beskrivning på svenska saknas/);
    const refused = await post(editor, '/datasets/skolor-i-sverige/publish', '/datasets/skolor-i-sverige/publish', { 'confirmation.noSecrecy': 'on' });
    assert.equal(refused.statusCode, 400);
    assert.match(refused.body, /class="error-summary"/);
    assert.match(refused.body, /<a href="#field-confirmation-authorized">Behörighet: Bekräfta att du har rätt att publicera för organisationen.<\/a>/);
    assert.match(refused.body, /<a href="\/datasets\/skolor-i-sverige\/edit#field-description-sv">Beskrivning på svenska: /);
    assert.match(refused.body, /id="field-confirmation-noSecrecy" type="checkbox" name="confirmation.noSecrecy" value="on" checked/);
    assert.equal((await catalog().datasets.get(await editor.actor(), 'skolor-i-sverige')).state.status, 'draft');

    await catalog().datasets.update(await editor.actor(), 'skolor-i-sverige', { description: { sv: 'Alla skolor.' } });
    const ok = await post(editor, '/datasets/skolor-i-sverige/publish', '/datasets/skolor-i-sverige/publish', CONFIRMED);
    assert.equal(ok.statusCode, 303, ok.body);
    assert.equal(ok.headers.location, '/datasets/skolor-i-sverige');
    assert.equal((await get('/datasets/skolor-i-sverige')).statusCode, 200, 'now public');

    const published = await get('/datasets/skolor-i-sverige', editor);
    const revision = /name="revision" value="([^"]*)"/.exec(published.body)![1]!.replace(/&quot;/g, '"');
    const unpublished = await post(editor, '/datasets/skolor-i-sverige', '/datasets/skolor-i-sverige/unpublish', { revision });
    assert.equal(unpublished.statusCode, 303);
    assert.equal((await get('/datasets/skolor-i-sverige')).statusCode, 404, 'a draft again');
  });

  test('the dataset page: metadata, how to cite, schema.org JSON-LD with < escaped', async () => {
    const page = await get('/datasets/befolkning');
    assert.equal(page.statusCode, 200);
    assert.match(text(page.body), /Så refererar du till datamängden .* Statistikverket \(\d{4}\)\. Befolkning per kommun\. Allmänning\. http:\/\/allmanning.test\/datasets\/befolkning/);
    const jsonLd = /<script type="application\/ld\+json">([^<]*)<\/script>/.exec(page.body)![1]!;
    assert.doesNotMatch(jsonLd, /<\/?script/i);
    const data = JSON.parse(jsonLd);
    assert.equal(data['@type'], 'Dataset');
    assert.equal(data.name, 'Befolkning per kommun');
    assert.match(data.description, /<script>alert\(1\)<\/script>/, 'the text survives, escaped in the HTML');
    assert.match(jsonLd, /\\u003cscript/);
    assert.equal(data.publisher.name, 'Statistikverket');
    assert.doesNotMatch(page.body, /befolkning\/edit/, 'no editor links for the anonymous');
    assert.match((await get('/datasets/befolkning', editor)).body, /href="\/datasets\/befolkning\/edit"/);
  });

  test('history: every revision with a field diff, and restoring an earlier one', async () => {
    await catalog().datasets.update(await editor.actor(), 'skolenkaten', { title: { sv: 'Skolenkäten 2025', en: 'The school survey' } });
    const page = await get('/datasets/skolenkaten/history', editor);
    assert.equal(page.statusCode, 200);
    assert.match(text(page.body), /Titel på svenska Skolenkäten Skolenkäten 2025/);
    assert.match(page.body, /<th scope="col">Före<\/th>/);
    assert.match(text(page.body), /Eva Redaktör/);
    assert.equal((await get('/datasets/skolenkaten/history', member)).statusCode, 404);
    const view = await catalog().datasets.get(await editor.actor(), 'skolenkaten');
    const earlier = view.state.row.revision - 1;
    assert.match(page.body, new RegExp(`action="/datasets/skolenkaten/history/${earlier}/restore"`));
    const revision = /name="revision" value="([^"]*)"/.exec(page.body)![1]!.replace(/&quot;/g, '"');
    const restored = await post(editor, '/datasets/skolenkaten/history', `/datasets/skolenkaten/history/${earlier}/restore`, { revision });
    assert.equal(restored.statusCode, 303, restored.body);
    assert.equal((await catalog().datasets.get(await editor.actor(), 'skolenkaten')).state.metadata.title.sv, 'Skolenkäten');
  });

  test('English pages are in English', async () => {
    const page = await get('/en/datasets/befolkning', editor);
    assert.match(page.body, /<html lang="en">/);
    assert.match(page.body, /<h1>Population by municipality<\/h1>/);
    assert.match(text(page.body), /Distributions .* Licence/);
    assert.match(text(page.body), /How to cite the dataset/);
    assert.match(text(page.body), /Version history/);
    assert.match(text((await get('/en/datasets/new', editor)).body), /Title in Swedish/);
    assert.match(text((await get('/en/datasets/befolkning/publish', editor)).body), /Ready to publish\?/);
    assert.match(text((await get('/en/datasets/befolkning/history', editor)).body), /Version history of Population by municipality/);
  });

  test('delete with a confirmation; afterwards the page answers 410', async () => {
    await post(editor, '/datasets/new', '/datasets/new', { organization: 'statistikverket', 'title.sv': 'Att ta bort' });
    const confirm = await get('/datasets/att-ta-bort/delete', editor);
    assert.equal(confirm.statusCode, 200);
    const revision = /name="revision" value="([^"]*)"/.exec(confirm.body)![1]!.replace(/&quot;/g, '"');
    const res = await post(editor, '/datasets/att-ta-bort/delete', '/datasets/att-ta-bort/delete', { revision });
    assert.equal(res.statusCode, 303);
    assert.equal((await get('/datasets/att-ta-bort', editor)).statusCode, 410);
  });

  test('data services and series: create through the editor, their pages, publish', async () => {
    const datasetId = (await catalog().datasets.get(await editor.actor(), 'befolkning')).state.row.id;
    const created = await post(editor, '/data-services/new', '/data-services/new', {
      organization: 'statistikverket',
      'title.sv': 'Befolknings-API',
      endpointUrls: 'https://api.example.se/v1',
      formats: ['http://publications.europa.eu/resource/authority/file-type/JSON'],
      servesDatasetIds: [datasetId],
      license: CC_BY,
    });
    assert.equal(created.statusCode, 303, created.body);
    assert.equal(created.headers.location, '/data-services/befolknings-api');
    const page = await get('/data-services/befolknings-api', editor);
    assert.match(text(page.body), /https:\/\/api.example.se\/v1/);
    assert.match(page.body, /href="\/datasets\/befolkning"/);
    const publish = await post(editor, '/data-services/befolknings-api/publish', '/data-services/befolknings-api/publish', CONFIRMED);
    assert.equal(publish.statusCode, 303, publish.body);
    assert.equal((await get('/en/data-services/befolknings-api')).statusCode, 200);
    assert.match((await get('/data-services/befolknings-api/edit', editor)).body, new RegExp(`value="${datasetId}" checked`));

    const series = await post(editor, '/series/new', '/series/new', { organization: 'statistikverket', 'title.sv': 'Befolkningsstatistik', 'description.sv': 'År för år.' });
    assert.equal(series.statusCode, 303, series.body);
    await catalog().datasets.update(await editor.actor(), 'befolkning', { seriesId: 'befolkningsstatistik' });
    const seriesPage = await get('/series/befolkningsstatistik', editor);
    assert.match(seriesPage.body, /href="\/datasets\/befolkning"/);
    assert.equal((await get('/series/befolkningsstatistik')).statusCode, 404, 'a draft series is not public');
  });

  test('the organisation page lists its datasets and APIs', async () => {
    const anonymous = await get('/organizations/statistikverket');
    assert.equal(anonymous.statusCode, 200);
    assert.match(anonymous.body, /href="\/datasets\/befolkning"/);
    assert.match(anonymous.body, /href="\/data-services\/befolknings-api"/);
    assert.doesNotMatch(anonymous.body, /datasets\/new/);
    const asEditor = await get('/organizations/statistikverket', editor);
    assert.match(asEditor.body, /href="\/datasets\/skolenkaten"/, 'drafts for members');
    assert.match(asEditor.body, /href="\/datasets\/new\?organization=statistikverket"/);
    assert.match((await get('/en/organizations/statistikverket')).body, /Datasets \(\d+\)/);
  });
});
