// The CKAN Action API end to end through app.inject against a real database (SQLite, or PostgreSQL
// with TEST_DATABASE_URL), on the demo catalog: the shapes of our answers against the answers
// recorded from envidat.ch, CKAN's envelope and errors, search filters and facets, paging, and
// writes through the catalog's services (history records each change).
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { envidat, shapeDifferences, typeOf, type ShapeRules } from '../../../test/ckan/shape.js';
import { domainsOf } from '../../domains.js';
import { startApp, type CatalogTestApp } from '../catalog/testing.js';
import { addMember, createOrg, createUser, type TestUser } from '../organizations/testing.js';

/** envidat.ch's own schema fields (ckanext-envidat), which core CKAN and ckanext-dcat do not have. */
const ENVIDAT_ONLY = ['date', 'doi', 'funding', 'language', 'publication', 'publication_state', 'related_datasets', 'related_publications', 'resource_type_general', 'spatial', 'spatial_info', 'subtitle', 'resource_size', 'restricted', 'datamanager', 'longname'];
const RULES: ShapeRules = {
  // resource_type is envidat's on packages (CKAN core's resources have one, and so do ours).
  omitted: new Set([...ENVIDAT_ONLY.map((k) => `*.${k}`), '$.resource_type', '$.results[].resource_type', '$.packages[].resource_type']),
  // ckanext-dcat's resource fields; license_url, which CKAN leaves out when the licence has no URL
  // (envidat's recorded package_show has such a licence).
  added: new Set(['*.access_url', '*.download_url', '*.license', '$.license_url']),
  nullable: new Set(['author', 'author_email', 'maintainer', 'maintainer_email', 'url', 'version', 'creator_user_id', 'license_url', 'mimetype', 'mimetype_inner', 'size', 'last_modified', 'resource_type', 'url_type', 'cache_url', 'cache_last_updated'].map((k) => `*.${k}`)),
};
const CONFIRM = { no_secrecy: true, personal_data_assessed: true, no_third_party_rights: true, authorized: true };

describe('CKAN Action API', () => {
  let t: CatalogTestApp;
  let editor: TestUser;
  let outsider: TestUser;
  let org: { id: string; slug: string };

  const get = (action: string, query = '', headers: Record<string, string> = {}) => t.app.inject({ method: 'GET', url: `/api/3/action/${action}${query ? `?${query}` : ''}`, headers });
  const post = (action: string, payload: unknown, headers: Record<string, string> = {}) => t.app.inject({ method: 'POST', url: `/api/3/action/${action}`, headers, payload: payload as object });
  /** CKAN clients send the token bare; we also take Bearer. */
  const raw = (user: TestUser) => ({ authorization: user.token });
  const bearer = (user: TestUser) => ({ authorization: `Bearer ${user.token}` });
  const result = <T = Record<string, unknown>>(res: { statusCode: number; body: string; json(): unknown }) => {
    assert.equal(res.statusCode, 200, res.body);
    const body = res.json() as { help: string; success: boolean; result: T };
    assert.equal(body.success, true);
    assert.match(body.help, /^http:\/\/allmanning\.test\/api\/3\/action\/help_show\?name=/);
    return body.result;
  };
  const failure = (res: { statusCode: number; body: string; json(): unknown }, status: number, type: string) => {
    assert.equal(res.statusCode, status, res.body);
    const body = res.json() as { help: string; success: boolean; error: Record<string, unknown> };
    assert.equal(body.success, false);
    assert.equal(typeof body.help, 'string');
    assert.equal(body.error.__type, type, res.body);
    assert.equal(typeof body.error.message, 'string');
    return body.error;
  };

  before(async () => {
    t = await startApp();
    const { organizations, catalog } = domainsOf(t.deps);
    await organizations.seedDemo();
    await catalog.seedDemo();
    org = await createOrg(t, { name: { sv: 'CKAN-kommunen' }, slug: 'ckan-kommunen', type: 'municipality' });
    editor = await createUser(t);
    outsider = await createUser(t);
    await addMember(t, org.id, editor, 'editor');
  });
  after(() => t.close());

  describe('shapes against the answers recorded from envidat.ch', () => {
    test('package_show', async () => {
      const [name] = result<string[]>(await get('package_list', 'limit=1'));
      const ours = result(await get('package_show', `id=${name}`));
      assert.deepEqual(shapeDifferences(ours, envidat('package_show').result, RULES), []);
      // Fields CKAN always returns have their types even when the recorded one is empty.
      assert.equal(typeOf(ours.resources), 'array');
      assert.ok((ours.resources as unknown[]).length > 0, 'a demo dataset with resources');
      assert.equal(ours.name, name);
      assert.equal(ours.type, 'dataset');
      assert.equal(ours.state, 'active');
    });

    test('package_search (and its results against package_show)', async () => {
      const ours = result(await get('package_search', 'rows=2'));
      const theirs = envidat('package_search').result as Record<string, unknown>;
      assert.deepEqual(shapeDifferences(ours, theirs, RULES), []);
      assert.equal((ours.results as unknown[]).length, 2);
      assert.equal(ours.sort, theirs.sort, 'the same default sort');
    });

    test('current_package_list_with_resources items are packages', async () => {
      const ours = result<unknown[]>(await get('current_package_list_with_resources', 'limit=3'));
      assert.equal(ours.length, 3);
      for (const pkg of ours) assert.deepEqual(shapeDifferences(pkg, envidat('package_show').result, RULES), []);
    });

    test('organization_list with all_fields, and names without', async () => {
      const ours = result<Record<string, unknown>[]>(await get('organization_list', 'all_fields=true'));
      const theirs = envidat('organization_list').result as unknown[];
      assert.deepEqual(shapeDifferences(ours, theirs, RULES), []);
      const names = result<string[]>(await get('organization_list'));
      assert.deepEqual(names, ours.map((o) => o.name));
      assert.deepEqual(names, [...names].sort());
      assert.ok(ours.some((o) => (o.package_count as number) > 0));
    });

    test('organization_show with include_datasets', async () => {
      const orgs = result<Record<string, unknown>[]>(await get('organization_list', 'all_fields=true'));
      const busiest = orgs.reduce((a, b) => ((b.package_count as number) > (a.package_count as number) ? b : a));
      const ours = result<Record<string, unknown>>(await get('organization_show', `id=${String(busiest.name)}&include_datasets=true`));
      assert.deepEqual(shapeDifferences(ours, envidat('organization_show').result, RULES), []);
      assert.equal(ours.package_count, busiest.package_count);
      assert.equal((ours.packages as unknown[]).length, Math.min(10, busiest.package_count as number));
      assert.deepEqual(ours.users, [], 'members are personal data');
      const without = result<Record<string, unknown>>(await get('organization_show', `id=${String(busiest.id)}`));
      assert.deepEqual(without.packages, []);
    });

    test('tag_list: strings, filtered by query', async () => {
      const all = result<string[]>(await get('tag_list'));
      assert.deepEqual(shapeDifferences(all, envidat('tag_list').result, RULES), []);
      assert.ok(all.length > 5);
      const some = result<string[]>(await get('tag_list', `query=${encodeURIComponent(all[0]!.slice(0, 3))}`));
      assert.ok(some.length >= 1 && some.length <= all.length && some.every((tag) => tag.includes(all[0]!.slice(0, 3))));
    });

    test('resource_show answers a resource shaped like package_show\'s', async () => {
      const [name] = result<string[]>(await get('package_list', 'limit=1'));
      const pkg = result(await get('package_show', `id=${name}`));
      const resource = (pkg.resources as Record<string, unknown>[])[0]!;
      const ours = result(await get('resource_show', `id=${String(resource.id)}`));
      assert.deepEqual(ours, resource);
      const theirs = (envidat('package_show').result as { resources: unknown[] }).resources[0];
      assert.deepEqual(shapeDifferences(ours, theirs, RULES), []);
    });

    test('group_list, license_list, status_show', async () => {
      const groups = result<string[]>(await get('group_list'));
      assert.ok(groups.includes('econ') && groups.every((g) => /^[a-z_]+$/.test(g)));
      const full = result<Record<string, unknown>[]>(await get('group_list', 'all_fields=true'));
      assert.deepEqual(full.map((g) => g.name), groups);
      assert.ok(full.some((g) => (g.package_count as number) > 0));
      const licences = result<Record<string, unknown>[]>(await get('license_list'));
      const ccBy = licences.find((l) => l.id === 'CC_BY_4_0');
      assert.equal(ccBy?.url, 'http://creativecommons.org/licenses/by/4.0/');
      assert.deepEqual(Object.keys(ccBy!).sort(), ['domain_content', 'domain_data', 'domain_software', 'family', 'id', 'is_generic', 'maintainer', 'od_conformance', 'osd_conformance', 'status', 'title', 'url']);
      const status = result(await get('status_show'));
      assert.equal(status.ckan_version, '2.10.0');
      assert.equal(status.site_url, 'http://allmanning.test');
      // CKAN's unversioned alias and POST reads answer the same.
      assert.deepEqual(result(await t.app.inject({ method: 'GET', url: '/api/action/status_show' })), status);
      assert.deepEqual(result(await post('status_show', {})), status);
    });
  });

  describe('errors in CKAN\'s shape', () => {
    test('unknown package → 404 Not Found Error; unknown resource too', async () => {
      failure(await get('package_show', 'id=finns-inte'), 404, 'Not Found Error');
      failure(await post('package_show', { id: 'finns-inte' }), 404, 'Not Found Error');
      failure(await get('resource_show', 'id=finns-inte'), 404, 'Not Found Error');
      failure(await get('organization_show', 'id=finns-inte'), 404, 'Not Found Error');
    });

    test('bad rows, start, sort, fq or facet.field → 409 Validation Error naming the parameter', async () => {
      for (const [query, field] of [['rows=abc', 'rows'], ['rows=-1', 'rows'], ['start=1.5', 'start'], ['sort=bogus%20asc', 'sort'], ['fq=metadata_modified:[2020-01-01T00:00:00Z%20TO%20*]', 'fq'], ['fq=secret_field:x', 'fq'], ['facet.field=not-json', 'facet.field']] as const) {
        const error = failure(await get('package_search', query), 409, 'Validation Error');
        assert.ok(Array.isArray(error[field]), `${query}: ${JSON.stringify(error)}`);
      }
      failure(await get('package_show'), 409, 'Validation Error');
    });

    test('rows above 1000 are cut to 1000, as CKAN does', async () => {
      const res = result(await get('package_search', 'rows=5000'));
      const count = res.count as number;
      assert.equal((res.results as unknown[]).length, Math.min(count, 1000));
    });

    test('writes without a token, with a wrong one, or by an outsider → 403 Authorization Error', async () => {
      failure(await post('package_create', { name: 'x', title: 'X', owner_org: org.slug }), 403, 'Authorization Error');
      failure(await post('package_create', { name: 'x', title: 'X', owner_org: org.slug }, { authorization: 'alm_wrong' }), 403, 'Authorization Error');
      failure(await post('package_create', { name: 'x', title: 'X', owner_org: org.slug }, raw(outsider)), 403, 'Authorization Error');
      failure(await post('package_delete', { id: 'x' }), 403, 'Authorization Error');
    });

    test('unknown actions, GET writes and broken bodies → 400; a too large body → 413; never 500', async () => {
      failure(await get('no_such_action'), 400, 'Bad Request');
      failure(await get('package_create', 'name=x', raw(editor)), 400, 'Bad Request');
      failure(await t.app.inject({ method: 'POST', url: '/api/3/action/package_show', headers: { 'content-type': 'application/json' }, payload: '{"id":' }), 400, 'Bad Request');
      failure(await t.app.inject({ method: 'POST', url: '/api/3/action/package_show', headers: { 'content-type': 'application/json' }, payload: '[1]' }), 400, 'Bad Request');
      const big = await t.app.inject({ method: 'POST', url: '/api/3/action/package_show', headers: { 'content-type': 'application/json' }, payload: JSON.stringify({ id: 'x'.repeat(2 * 1024 * 1024) }) });
      failure(big, 413, 'Bad Request');
      for (const query of ['q=%22unbalanced', 'q=(((', 'fq=organization:%22', 'rows=999999999999', 'facet.field=%5B1%5D', 'include_private=maybe']) {
        assert.ok((await get('package_search', query)).statusCode < 500, query);
      }
    });
  });

  describe('package_search', () => {
    test('paging with rows/start sees every dataset exactly once, in each sort', async () => {
      const names = result<string[]>(await get('package_list'));
      assert.ok(names.length >= 45, `public datasets: ${names.length}`);
      const orders: Record<string, string[]> = {};
      for (const sort of ['score desc, metadata_modified desc', 'title_string asc', 'title_string desc', 'name desc', 'metadata_modified desc', 'metadata_modified asc', 'metadata_created desc', 'metadata_created asc']) {
        const seen: string[] = [];
        for (let start = 0; ; start += 7) {
          const page = result<{ count: number; results: { name: string }[] }>(await get('package_search', `rows=7&start=${start}&sort=${encodeURIComponent(sort)}`));
          assert.equal(page.count, names.length, sort);
          seen.push(...page.results.map((p) => p.name));
          if (page.results.length < 7) break;
        }
        assert.deepEqual([...seen].sort(), names, sort);
        assert.equal(new Set(seen).size, seen.length, `${sort}: no dataset twice`);
        orders[sort] = seen;
      }
      for (const [asc, desc] of [['title_string asc', 'title_string desc'], ['metadata_modified desc', 'metadata_modified asc'], ['metadata_created desc', 'metadata_created asc']] as const) {
        assert.deepEqual(orders[desc], [...orders[asc]!].reverse(), `${desc} is ${asc} backwards`);
      }
      assert.deepEqual(orders['name desc'], orders['title_string desc']);
      // package_list pages the same names.
      const paged = [...result<string[]>(await get('package_list', 'limit=20')), ...result<string[]>(await get('package_list', 'limit=20&offset=20')), ...result<string[]>(await get('package_list', 'limit=1000&offset=40'))];
      assert.deepEqual(paged, names);
    });

    test('fq filters by organisation, tag, format, licence and group; facet.field counts them', async () => {
      const facets = encodeURIComponent(JSON.stringify(['organization', 'tags', 'res_format', 'license_id', 'groups']));
      const all = result<{ count: number; facets: Record<string, Record<string, number>>; search_facets: Record<string, { title: string; items: { name: string; display_name: string; count: number }[] }> }>(await get('package_search', `rows=0&facet.field=${facets}&facet.limit=-1`));
      assert.deepEqual(Object.keys(all.search_facets).sort(), ['groups', 'license_id', 'organization', 'res_format', 'tags']);
      for (const [field, facet] of Object.entries(all.search_facets)) {
        assert.equal(facet.title, field);
        assert.ok(facet.items.length > 0, field);
        assert.deepEqual(Object.fromEntries(facet.items.map((i) => [i.name, i.count])), all.facets[field]);
      }
      const orgTotal = Object.values(all.facets.organization!).reduce((a, b) => a + b, 0);
      assert.equal(orgTotal, all.count, 'every dataset has one organisation');

      const check = async (field: string, pick: (pkg: Record<string, unknown>) => string[]) => {
        const [top] = all.search_facets[field]!.items;
        const fq = encodeURIComponent(`${field}:"${top!.name}"`);
        const page = result<{ count: number; results: Record<string, unknown>[] }>(await get('package_search', `fq=${fq}&rows=1000`));
        assert.equal(page.count, top!.count, `${field}:${top!.name}`);
        for (const pkg of page.results) assert.ok(pick(pkg).map((v) => v.toLowerCase()).includes(top!.name.toLowerCase()), `${String(pkg.name)} has ${field} ${top!.name}`);
      };
      await check('organization', (p) => [(p.organization as { name: string }).name]);
      await check('tags', (p) => (p.tags as { name: string }[]).map((x) => x.name));
      await check('res_format', (p) => (p.resources as { format: string }[]).map((r) => r.format));
      await check('groups', (p) => (p.groups as { name: string }[]).map((g) => g.name));
      const licenceIds = new Map(result<{ id: string; url: string }[]>(await get('license_list')).map((l) => [l.url, l.id]));
      await check('license_id', (p) => [p.license_id as string, ...(p.resources as { license: string | null }[]).map((r) => licenceIds.get(r.license ?? '') ?? '')]);
      // Every clause narrows, as in CKAN (Solr ANDs fq clauses): two values of one field both
      // match, and the facets count within the results.
      const [first, second] = all.search_facets.res_format!.items;
      const both = result<{ count: number; results: { resources: { format: string }[] }[]; facets: Record<string, Record<string, number>> }>(
        await get('package_search', `fq=${encodeURIComponent(`res_format:${first!.name} +res_format:${second!.name}`)}&rows=1000&facet.field=${encodeURIComponent('["res_format"]')}`),
      );
      assert.ok(both.count >= 1, 'the demo has datasets in both of the two commonest formats');
      assert.ok(both.count < Math.min(first!.count, second!.count), `${both.count} datasets have both ${first!.name} and ${second!.name}`);
      for (const pkg of both.results) for (const format of [first!.name, second!.name]) assert.ok(pkg.resources.some((r) => r.format.toLowerCase() === format.toLowerCase()), format);
      assert.equal(both.facets.res_format![first!.name], both.count, 'the format facet counts within the results');
      assert.equal(both.facets.res_format![second!.name], both.count);
      const [topOrg] = all.search_facets.organization!.items;
      const narrowed = result<{ count: number; facets: Record<string, Record<string, number>> }>(
        await get('package_search', `fq=${encodeURIComponent(`res_format:${first!.name} organization:${topOrg!.name}`)}&facet.field=${encodeURIComponent('["organization"]')}`),
      );
      assert.ok(narrowed.count <= Math.min(first!.count, topOrg!.count));
      assert.deepEqual(narrowed.facets.organization, { [topOrg!.name]: narrowed.count }, 'only the chosen organisation is counted');
      // Text search finds by title.
      const [name] = result<string[]>(await get('package_list', 'limit=1'));
      const pkg = result(await get('package_show', `id=${name}`));
      const found = result<{ results: { name: string }[] }>(await get('package_search', `q=${encodeURIComponent(String(pkg.title))}&rows=50`));
      assert.ok(found.results.some((r) => r.name === name));
    });
  });

  describe('writes through the catalog', () => {
    test('create → show → patch → update → resource_create → publish → delete, each in the history', async () => {
      const created = result(await post('package_create', {
        name: 'ckan-skapad',
        title: 'Skapad via CKAN',
        notes: 'Beskrivning av data.',
        owner_org: org.slug,
        tags: [{ name: 'vatten' }, { name: 'miljö' }],
        groups: [{ name: 'envi' }],
        license_id: 'cc-by',
        url: 'https://ckan-kommunen.example.se/data',
        extras: [{ key: 'issued', value: '2025-01-01' }, { key: 'frequency', value: 'http://publications.europa.eu/resource/authority/frequency/ANNUAL' }],
        resources: [{ name: 'Mätvärden', url: 'https://ckan-kommunen.example.se/data.csv', format: 'csv', mimetype: 'text/csv' }],
      }, raw(editor)));
      assert.equal(created.name, 'ckan-skapad');
      assert.equal(created.state, 'draft', 'a draft until published with the confirmation');
      assert.equal(created.license_id, 'CC_BY_4_0');
      assert.equal(created.isopen, true);
      assert.deepEqual((created.tags as { name: string }[]).map((x) => x.name), ['vatten', 'miljö']);
      assert.deepEqual((created.groups as { name: string }[]).map((g) => g.name), ['envi']);
      assert.equal((created.resources as { format: string }[])[0]!.format, 'CSV');
      assert.deepEqual(created.extras, [{ key: 'issued', value: '2025-01-01' }, { key: 'frequency', value: 'http://publications.europa.eu/resource/authority/frequency/ANNUAL' }]);

      // A draft is not public.
      failure(await get('package_show', 'id=ckan-skapad'), 404, 'Not Found Error');
      assert.equal(result(await get('package_show', 'id=ckan-skapad', bearer(editor))).id, created.id);

      const patched = result(await post('package_patch', { id: 'ckan-skapad', title: 'Ändrad titel' }, bearer(editor)));
      assert.equal(patched.title, 'Ändrad titel');
      assert.equal(patched.notes, 'Beskrivning av data.', 'patch keeps what it does not name');
      assert.deepEqual(patched.extras, created.extras);

      const updated = result(await post('package_update', { id: created.id, title: 'Uppdaterad', notes: 'Ny beskrivning.', tags: [{ name: 'vatten' }], resources: created.resources }, raw(editor)));
      assert.equal(updated.title, 'Uppdaterad');
      assert.deepEqual(updated.extras, [], 'update replaces: extras left out are cleared');
      assert.deepEqual(updated.groups, []);
      assert.deepEqual((updated.resources as { id: string }[]).map((r) => r.id), (created.resources as { id: string }[]).map((r) => r.id), 'resources named by id are kept');

      const resource = result(await post('resource_create', { package_id: 'ckan-skapad', name: 'Karta', url: 'https://ckan-kommunen.example.se/karta.geojson', format: 'GeoJSON', license: 'CC0' }, raw(editor)));
      assert.equal(resource.package_id, created.id);
      assert.equal(resource.format, 'GEOJSON');
      assert.deepEqual(result(await get('resource_show', `id=${String(resource.id)}`, raw(editor))), resource);

      // Publishing needs the publisher's confirmation.
      const refused = failure(await post('package_patch', { id: 'ckan-skapad', state: 'active', no_secrecy: true }, raw(editor)), 409, 'Validation Error');
      assert.deepEqual(Object.keys(refused).filter((k) => !k.startsWith('__') && k !== 'message').sort(), ['authorized', 'no_third_party_rights', 'personal_data_assessed']);
      // The catalog's own publish rules still apply: a published dataset needs a Swedish description.
      const noNotes = failure(await post('package_patch', { id: 'ckan-skapad', notes: '', state: 'active', ...CONFIRM }, raw(editor)), 409, 'Validation Error');
      assert.ok(noNotes.notes, JSON.stringify(noNotes));
      const unchanged = result(await get('package_show', 'id=ckan-skapad', raw(editor)));
      assert.equal(unchanged.state, 'draft');
      assert.equal(unchanged.notes, 'Ny beskrivning.', 'the refused call changed nothing (rolled back)');
      const published = result(await post('package_patch', { id: 'ckan-skapad', state: 'active', ...CONFIRM }, raw(editor)));
      assert.equal(published.state, 'active');
      assert.equal(result(await get('package_show', 'id=ckan-skapad')).state, 'active');
      assert.ok(result<string[]>(await get('package_list')).includes('ckan-skapad'));

      const { catalog } = domainsOf(t.deps);
      const history = await catalog.catalog.datasets.history(await editor.actor(), 'ckan-skapad');
      const actions = history.revisions.map((r) => r.action);
      assert.deepEqual([...actions].reverse(), ['created', 'distributionAdded', 'updated', 'updated', 'distributionAdded', 'updated', 'restored', 'published']);

      assert.equal(result(await post('package_delete', { id: 'ckan-skapad' }, raw(editor))), null);
      failure(await get('package_show', 'id=ckan-skapad', raw(editor)), 404, 'Not Found Error');
      assert.ok(!result<string[]>(await get('package_list')).includes('ckan-skapad'));
      const afterDelete = await catalog.catalog.datasets.history(await editor.actor(), created.id as string).catch((error: unknown) => error);
      assert.ok(afterDelete, 'the history outlives the dataset or the dataset is gone');
    });

    test('validation errors come back per field, with CKAN\'s names', async () => {
      const error = failure(await post('package_create', { name: 'utan-titel' }, raw(editor)), 409, 'Validation Error');
      assert.ok(error.owner_org, JSON.stringify(error));
      const noTitle = failure(await post('package_create', { name: 'utan-titel', owner_org: org.slug }, raw(editor)), 409, 'Validation Error');
      assert.ok(noTitle.title, JSON.stringify(noTitle));
      const badGroup = failure(await post('package_create', { name: 'fel-grupp', title: 'X', owner_org: org.slug, groups: [{ name: 'no-such-theme' }] }, raw(editor)), 409, 'Validation Error');
      assert.ok(badGroup.groups);
      // Nothing is written when the request cannot succeed.
      const unconfirmed = failure(await post('package_create', { name: 'obekraftad', title: 'X', notes: 'Y', owner_org: org.slug, state: 'active' }, raw(editor)), 409, 'Validation Error');
      assert.ok(unconfirmed.no_secrecy && unconfirmed.authorized);
      const noUrl = failure(await post('package_create', { name: 'utan-url', title: 'X', owner_org: org.slug, resources: [{ name: 'Fil' }] }, raw(editor)), 409, 'Validation Error');
      assert.ok(noUrl['resources.0.url']);
      for (const name of ['obekraftad', 'utan-url']) failure(await get('package_show', `id=${name}`, raw(editor)), 404, 'Not Found Error');
      // Refused only by the publish rules, after the draft was made: 409, and the draft stays (docs/ckan.md).
      const late = failure(await post('package_create', { name: 'utan-beskrivning', title: 'X', owner_org: org.slug, state: 'active', ...CONFIRM }, raw(editor)), 409, 'Validation Error');
      assert.ok(late.notes, JSON.stringify(late));
      assert.equal(result(await get('package_show', 'id=utan-beskrivning', raw(editor))).state, 'draft');
      const badExtra = failure(await post('package_create', { name: 'fel-extra', title: 'X', owner_org: org.slug, extras: [{ key: 'secret', value: '1' }] }, raw(editor)), 409, 'Validation Error');
      assert.ok(badExtra.extras);
    });

    test('private datasets: only with a token and include_private, never for anonymous', async () => {
      const created = result(await post('package_create', { name: 'ckan-privat', title: 'Privat via CKAN', notes: 'Intern.', owner_org: org.slug, private: true, state: 'active', ...CONFIRM }, raw(editor)));
      assert.equal(created.private, true);
      assert.equal(created.state, 'active');
      failure(await get('package_show', 'id=ckan-privat'), 404, 'Not Found Error');
      const fq = encodeURIComponent(`organization:${org.slug}`);
      assert.equal(result(await get('package_search', `fq=${fq}`)).count, 0);
      assert.equal(result(await get('package_search', `fq=${fq}`, raw(editor))).count, 0, 'not without include_private');
      const mine = result<{ count: number; results: { name: string; private: boolean }[] }>(await get('package_search', `fq=${fq}&include_private=true`, raw(editor)));
      assert.ok(mine.results.some((r) => r.name === 'ckan-privat' && r.private));
      assert.equal(result(await get('package_search', `fq=${fq}&include_private=true`, raw(outsider))).count, 0, 'an outsider sees none');
      assert.ok(!result<string[]>(await get('package_list')).includes('ckan-privat'));
      // A form body works as CKAN's does.
      const form = await t.app.inject({ method: 'POST', url: '/api/3/action/package_show', headers: { 'content-type': 'application/x-www-form-urlencoded', ...raw(editor) }, payload: 'id=ckan-privat' });
      assert.equal(result(form).name, 'ckan-privat');
    });
  });
});

describe('CKAN Action API rate limits', () => {
  let t: CatalogTestApp;
  before(async () => {
    t = await startApp({ ALLMANNING_WRITE_RATE_LIMIT_PER_MINUTE: '3' });
  });
  after(() => t.close());

  test('reads by POST (as ckanapi sends them) are not limited like writes; writes are', async () => {
    for (let i = 0; i < 6; i++) {
      const res = await t.app.inject({ method: 'POST', url: '/api/3/action/package_search', payload: { rows: 1 } });
      assert.equal(res.statusCode, 200, `read ${i}: ${res.body}`);
    }
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push((await t.app.inject({ method: 'POST', url: '/api/3/action/package_create', payload: {} })).statusCode);
    assert.ok(statuses.includes(403) && statuses.includes(429), statuses.join(','));
    const limited = await t.app.inject({ method: 'POST', url: '/api/3/action/package_create', payload: {} });
    assert.equal(limited.statusCode, 429);
    assert.equal(limited.json().success, false);
  });
});
