// Data services (APIs) and dataset series through the API: the same workflow as datasets, plus the
// relations between them (a service serves datasets, a dataset belongs to a series).
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { addMember, bearer, createOrg, createUser, type TestUser } from '../organizations/testing.js';
import { startApp as startCatalogApp, type CatalogTestApp } from './testing.js';

const CONFIRM = { noSecrecy: true, personalDataAssessed: true, noThirdPartyRights: true, authorized: true };

describe('data services and series API', () => {
  let t: CatalogTestApp;
  let editor: TestUser;
  let org: { id: string; slug: string };
  let otherOrg: { id: string; slug: string };

  const call = (method: string, url: string, user?: TestUser, payload?: unknown) =>
    t.app.inject({ method: method as 'GET', url, headers: user ? bearer(user) : {}, ...(payload !== undefined ? { payload: payload as object } : {}) });

  before(async () => {
    t = await startCatalogApp();
    org = await createOrg(t, { name: { sv: 'Trafikverket' }, slug: 'trafikverket' });
    otherOrg = await createOrg(t, { name: { sv: 'Annan myndighet' }, slug: 'annan' });
    editor = await createUser(t);
    await addMember(t, org.id, editor, 'admin');
  });
  after(() => t.close());

  test('a data service is a draft until it has an endpoint and a format, then publishes; it lists the datasets it serves', async () => {
    const dataset = (await call('POST', '/api/v1/datasets', editor, { organization: org.slug, title: { sv: 'Trafikflöden' }, description: { sv: 'Fordon per timme.' } })).json();
    const created = await call('POST', '/api/v1/data-services', editor, { organization: org.slug, title: { sv: 'Trafikflödes-API' }, servesDatasets: [dataset.slug] });
    assert.equal(created.statusCode, 201, created.body);
    const service = created.json();
    assert.deepEqual(service.readiness.missing.map((m: { field: string }) => m.field), ['endpointUrls', 'formats']);
    const refused = await call('POST', `/api/v1/data-services/${service.slug}/publish`, editor, CONFIRM);
    assert.equal(refused.statusCode, 400);
    assert.deepEqual(Object.keys(refused.json().error.details).sort(), ['endpointUrls', 'formats']);
    const edited = await call('PATCH', `/api/v1/data-services/${service.slug}`, editor, { endpointUrls: ['https://api.trafikverket.se/v2'], formats: ['JSON', 'text/xml'] });
    assert.deepEqual(edited.json().formats, ['http://publications.europa.eu/resource/authority/file-type/JSON', 'http://publications.europa.eu/resource/authority/file-type/XML']);
    assert.equal((await call('POST', `/api/v1/data-services/${service.slug}/publish`, editor, CONFIRM)).statusCode, 200);
    // The dataset is a draft: the public sees the service but not the dataset it serves.
    assert.deepEqual((await call('GET', `/api/v1/data-services/${service.slug}`)).json().servesDatasets, []);
    assert.deepEqual((await call('GET', `/api/v1/data-services/${service.slug}`, editor)).json().servesDatasets.map((d: { slug: string }) => d.slug), [dataset.slug]);
    assert.deepEqual((await call('GET', `/api/v1/datasets/${dataset.slug}`, editor)).json().dataServices.map((s: { slug: string }) => s.slug), [service.slug]);
    const list = (await call('GET', '/api/v1/data-services')).json();
    assert.deepEqual(list.items.map((s: { slug: string }) => s.slug), [service.slug]);
  });

  test('an unknown served dataset is a 400 naming the field', async () => {
    const res = await call('POST', '/api/v1/data-services', editor, { organization: org.slug, title: { sv: 'X' }, servesDatasets: ['finns-inte'] });
    assert.equal(res.statusCode, 400);
    assert.ok(res.json().error.details.servesDatasets);
  });

  test('series: datasets join a series of their own organisation only; the series lists them', async () => {
    const series = (await call('POST', '/api/v1/series', editor, { organization: org.slug, title: { sv: 'Trafikmätningar' }, description: { sv: 'Årliga mätningar.' } })).json();
    assert.equal(series.status, 'draft');
    const member = await call('POST', '/api/v1/datasets', editor, { organization: org.slug, title: { sv: 'Trafikmätningar 2025' }, series: series.slug });
    assert.equal(member.statusCode, 201, member.body);
    assert.deepEqual(member.json().series, { id: series.id, slug: series.slug, title: { sv: 'Trafikmätningar' } });
    const view = (await call('GET', `/api/v1/series/${series.slug}`, editor)).json();
    assert.deepEqual(view.datasets.map((d: { slug: string }) => d.slug), [member.json().slug]);
    const foreign = (await call('POST', '/api/v1/series', editor, { organization: org.slug, title: { sv: 'Egen' } })).json();
    const outsiderEditor = await createUser(t);
    await addMember(t, otherOrg.id, outsiderEditor, 'editor');
    const wrong = await call('POST', '/api/v1/datasets', outsiderEditor, { organization: otherOrg.slug, title: { sv: 'Fel serie' }, series: foreign.id });
    assert.equal(wrong.statusCode, 400);
    assert.ok(wrong.json().error.details.series);
    assert.equal((await call('POST', `/api/v1/series/${series.slug}/publish`, editor, CONFIRM)).statusCode, 200);
    assert.equal((await call('GET', `/api/v1/series/${series.slug}`)).statusCode, 200);
  });
});
