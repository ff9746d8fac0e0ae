// `allmanning demo` for the catalog through the real services: everything publishes under the same
// rules as a user's data, a second run changes nothing, and the files are what they claim.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { domainsOf } from '../../domains.js';
import { anonymous } from '../../platform/auth/actor.js';
import { startApp, type CatalogTestApp } from './testing.js';

let t: CatalogTestApp;
before(async () => {
  t = await startApp();
});
after(() => t.close());

test('the demo catalog loads, publishes by the rules, and loads again without changes', async () => {
  const { organizations, catalog } = domainsOf(t.deps);
  await organizations.seedDemo();
  const first = await catalog.seedDemo();
  assert.equal(first.existing, 0);
  assert.ok(first.created >= 50, `created ${first.created}`);
  assert.deepEqual(await catalog.seedDemo(), { created: 0, existing: first.created });

  const published = await catalog.catalog.datasets.list(anonymous, { limit: 1000, offset: 0 });
  assert.ok(published.total >= 45, `public datasets: ${published.total}`);
  const hvd = await catalog.catalog.datasets.list(anonymous, { hvd: true, limit: 100, offset: 0 });
  assert.equal(hvd.total, 2);
  for (const item of hvd.items) {
    const view = await catalog.catalog.datasets.get(anonymous, item.row.slug);
    assert.ok(view.readiness.hvdChecklist?.every((c) => c.ok), `${item.row.slug}: ${JSON.stringify(view.readiness.hvdChecklist)}`);
    assert.ok(view.dataServices.length > 0);
  }

  // The one Windows-1252 file previews with å, ä and ö.
  const election = published.items.find((i) => i.row.slug.startsWith('valresultat'));
  assert.ok(election, 'the election results dataset');
  const view = await catalog.catalog.datasets.get(anonymous, election.row.slug);
  const file = view.state.distributions!.find((d) => d.metadata.file?.fileName.endsWith('.csv'))!;
  const preview = await catalog.catalog.distributions.preview(anonymous, election.row.slug, file.id);
  assert.equal(preview.kind, 'table');
  if (preview.kind === 'table') {
    assert.equal(preview.encoding, 'windows-1252');
    assert.match(preview.rows.flat().join(' '), /Örgryte/);
  }
});
