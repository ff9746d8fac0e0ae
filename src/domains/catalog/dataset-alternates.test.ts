// A dataset page links its DCAT-AP-SE descriptions (<link rel="alternate">), and every link answers
// with the RDF it announces (served by the dcat domain).
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { addMember, bearer, createOrg, createUser, type TestUser } from '../organizations/testing.js';
import { startApp, type CatalogTestApp } from './testing.js';

let t: CatalogTestApp;
let editor: TestUser;
before(async () => {
  t = await startApp();
  const org = await createOrg(t, { name: { sv: 'Lunds kommun' }, slug: 'lunds-kommun' });
  editor = await createUser(t);
  await addMember(t, org.id, editor, 'editor');
});
after(() => t.close());

test('the page head links RDF/XML, Turtle, JSON-LD and N-Triples, and each link answers in its type', async () => {
  const created = await t.app.inject({ method: 'POST', url: '/api/v1/datasets', headers: bearer(editor), payload: { organization: 'lunds-kommun', title: { sv: 'Cykelställ' }, description: { sv: 'Cykelställ i Lund.' } } });
  const slug = created.json().slug as string;
  await t.app.inject({ method: 'POST', url: `/api/v1/datasets/${slug}/publish`, headers: bearer(editor), payload: { noSecrecy: true, personalDataAssessed: true, noThirdPartyRights: true, authorized: true } });
  const page = await t.app.inject({ method: 'GET', url: `/datasets/${slug}` });
  assert.equal(page.statusCode, 200);
  const links = [...page.body.matchAll(/<link rel="alternate" href="([^"]+)" type="([^"]+)"/g)].map((m) => ({ href: m[1]!, type: m[2]! }));
  assert.deepEqual(links.map((l) => l.type), ['application/rdf+xml', 'text/turtle', 'application/ld+json', 'application/n-triples']);
  for (const link of links) {
    const answer = await t.app.inject({ method: 'GET', url: new URL(link.href).pathname });
    assert.equal(answer.statusCode, 200, link.href);
    assert.match(String(answer.headers['content-type']), new RegExp(`^${link.type.replace('+', '\\+')}`));
    assert.match(answer.body, /Cykelställ/);
  }
});
