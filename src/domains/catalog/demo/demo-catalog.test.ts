import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { demoOrganizations } from '../../organizations/index.js';
import { applyFields, dataServiceFields, datasetFields, distributionFields, seriesFields, type FieldSpec, type Problems } from '../catalog.fields.js';
import {
  emptyDataServiceMetadata, emptyDatasetMetadata, emptyDistributionMetadata, emptySeriesMetadata, HVD_LEGISLATION_IRI,
} from '../catalog.model.js';
import { isAtLeastAsPermissiveAsCcBy4, isOpenLicence, resolveLicence } from '../licences.js';
import { isKnown, type SchemeName } from '../vocabularies/index.js';
import { demoDatasets, demoDataServices, demoSeries, ORGANIZATION_SLUGS, SYSTEMBOLAGET_TERMS, type DemoFile } from './demo-catalog.js';
import { encodeWindows1252, toCsv } from './demo-files.js';
import { KOMMUNER, LAN } from './demo-words.js';

const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const UUID_V7_SHAPE = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

const distributions = demoDatasets.flatMap((d) => d.distributions.map((dist) => ({ dataset: d, dist })));
const files = distributions.flatMap(({ dist }) => (dist.file ? [dist.file] : []));
const csvFiles = files.filter((f) => f.name.endsWith('.csv'));
const jsonFiles = files.filter((f) => f.name.endsWith('.json'));

const bytesCache = new Map<DemoFile, Buffer>();
const bytesOf = (file: DemoFile) => bytesCache.get(file) ?? bytesCache.set(file, file.bytes()).get(file)!;

const isUtf8 = (bytes: Buffer) => {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
};
const textOf = (bytes: Buffer) => (isUtf8(bytes) ? bytes.toString('utf8') : new TextDecoder('windows-1252').decode(bytes));

/** RFC 4180 records (quotes, doubled quotes, CRLF or LF). */
function parseCsv(text: string, separator: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  const endField = () => {
    record.push(field);
    field = '';
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === separator) endField();
    else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      endField();
      records.push(record);
      record = [];
    } else field += ch;
  }
  assert.equal(quoted, false, 'unterminated quote');
  if (field || record.length) records.push([...record, field]);
  return records;
}

const separatorOf = (text: string) => (text.slice(0, text.search(/\r?\n/)).includes(';') ? ';' : ',');

describe('demo catalog', () => {
  test('45–60 datasets spread over the seven demo organisations', () => {
    assert.ok(demoDatasets.length >= 45 && demoDatasets.length <= 60, `${demoDatasets.length} datasets`);
    assert.deepEqual([...ORGANIZATION_SLUGS].sort(), demoOrganizations.map((o) => o.slug).sort());
    const orgs = new Set<string>(ORGANIZATION_SLUGS);
    for (const r of [...demoDatasets, ...demoDataServices, ...demoSeries]) assert.ok(orgs.has(r.organization), `${r.slug}: ${r.organization}`);
    for (const slug of ORGANIZATION_SLUGS) assert.ok(demoDatasets.some((d) => d.organization === slug), `${slug} has no dataset`);
  });

  test('ids are fixed, UUIDv7-shaped, unique and apart from the organisations; slugs are unique URL names', () => {
    const ids = [...demoDatasets, ...demoDataServices, ...demoSeries].map((r) => r.id);
    for (const id of ids) assert.match(id, UUID_V7_SHAPE);
    assert.equal(new Set([...ids, ...demoOrganizations.map((o) => o.id)]).size, ids.length + demoOrganizations.length);
    for (const d of demoDatasets) assert.match(d.id, /^01900000-0000-7000-8000-0000000002\d\d$/);
    for (const s of demoDataServices) assert.match(s.id, /^01900000-0000-7000-8000-0000000003\d\d$/);
    for (const s of demoSeries) assert.match(s.id, /^01900000-0000-7000-8000-0000000004\d\d$/);
    for (const list of [demoDatasets, demoDataServices, demoSeries]) {
      const slugs = list.map((r) => r.slug);
      assert.equal(new Set(slugs).size, slugs.length);
      for (const slug of slugs) assert.match(slug, SLUG);
    }
  });

  test('every dataset has a Swedish title and description; most have English too', () => {
    for (const d of demoDatasets) {
      assert.ok(d.input.title?.sv?.trim(), `${d.slug}: title.sv`);
      assert.ok(d.input.description?.sv?.trim(), `${d.slug}: description.sv`);
      assert.ok(d.input.keywords?.sv?.length, `${d.slug}: keywords.sv`);
      assert.ok(d.input.contactPoint?.email, `${d.slug}: contactPoint`);
    }
    const english = demoDatasets.filter((d) => d.input.title?.en && d.input.description?.en).length;
    assert.ok(english > demoDatasets.length / 2 && english < demoDatasets.length, `${english} in English`);
    assert.ok(demoDatasets.some((d) => /[åäö]/.test(d.input.title!.sv!)), 'Swedish letters in titles');
  });

  test('3–5 drafts, 1–2 private, the rest published', () => {
    const drafts = demoDatasets.filter((d) => !d.publish).length;
    const privates = demoDatasets.filter((d) => d.visibility === 'private').length;
    assert.ok(drafts >= 3 && drafts <= 5, `${drafts} drafts`);
    assert.ok(privates >= 1 && privates <= 2, `${privates} private`);
  });

  test('every controlled value is a known IRI of its vocabulary', () => {
    const check = (scheme: SchemeName, values: (string | null | undefined)[] | null | undefined, where: string) => {
      for (const value of values ?? []) assert.ok(value && isKnown(scheme, value), `${where}: ${value} not in ${scheme}`);
    };
    for (const d of demoDatasets) {
      const i = d.input;
      check('dataTheme', i.themes, d.slug);
      assert.ok(i.themes && i.themes.length >= 1 && i.themes.length <= 3, `${d.slug}: 1–3 themes`);
      check('frequency', [i.accrualPeriodicity], d.slug);
      check('accessRight', [i.accessRights], d.slug);
      check('language', i.languages, d.slug);
      check('hvdCategory', i.hvdCategories, d.slug);
      for (const dist of d.distributions) {
        check('fileType', [dist.input.format], d.slug);
        check('distributionStatus', [dist.input.status], d.slug);
        check('plannedAvailability', [dist.input.availability], d.slug);
        check('language', dist.input.languages, d.slug);
      }
    }
    for (const s of demoDataServices) {
      check('dataTheme', s.input.themes, s.slug);
      check('accessRight', [s.input.accessRights], s.slug);
      check('hvdCategory', s.input.hvdCategories, s.slug);
    }
    for (const s of demoSeries) {
      check('dataTheme', s.input.themes, s.slug);
      check('frequency', [s.input.accrualPeriodicity], s.slug);
    }
  });

  test('every licence resolves except Systembolaget\'s own terms; two or three are not open', () => {
    const licences = [...distributions.map(({ dist }) => dist.input.license), ...demoDataServices.map((s) => s.input.license)];
    for (const licence of licences) {
      assert.ok(licence, 'every distribution names a licence');
      if (licence === SYSTEMBOLAGET_TERMS) continue;
      assert.equal(resolveLicence(licence)?.iri, licence, `${licence} is canonical`);
    }
    assert.ok(licences.includes(SYSTEMBOLAGET_TERMS));
    const notOpen = demoDatasets.filter((d) => d.distributions.some((dist) => !isOpenLicence(dist.input.license)));
    assert.ok(notOpen.length >= 2 && notOpen.length <= 3, notOpen.map((d) => d.slug).join(', '));
  });

  test('the metadata passes the catalog\'s field normaliser without a problem', () => {
    const run = <T extends object>(spec: FieldSpec<T>, empty: T, input: object, where: string) => {
      const problems: Problems = {};
      applyFields(spec, empty, input as Record<string, unknown>, problems);
      assert.deepEqual(problems, {}, where);
    };
    for (const d of demoDatasets) {
      run(datasetFields, emptyDatasetMetadata(), d.input, d.slug);
      d.distributions.forEach((dist, i) => run(distributionFields, emptyDistributionMetadata(), dist.input, `${d.slug} #${i}`));
    }
    for (const s of demoDataServices) run(dataServiceFields, emptyDataServiceMetadata(), s.input, s.slug);
    for (const s of demoSeries) run(seriesFields, emptySeriesMetadata(), s.input, s.slug);
  });

  test('most datasets have a real file; links point at the organisation\'s own site', () => {
    const withFile = demoDatasets.filter((d) => d.distributions.some((dist) => dist.file)).length;
    assert.ok(withFile >= demoDatasets.length * 0.75, `${withFile} datasets with a file`);
    const links = distributions.filter(({ dist }) => !dist.file);
    assert.ok(links.length >= 3);
    const domains: Record<string, RegExp> = {
      digg: /^https:\/\/(www\.)?(digg|dataportal)\.se\//, lantmateriet: /^https:\/\/([a-z]+\.)?lantmateriet\.se\//,
      'stockholms-stad': /^https:\/\/([a-z]+\.)?stockholm(\.se)?\//, 'goteborgs-stad': /^https:\/\/([a-z]+\.)?goteborg\.se\//,
      'region-stockholm': /^https:\/\/www\.regionstockholm\.se\//,
    };
    for (const { dataset, dist } of links) {
      assert.ok(dist.input.accessUrl && dist.input.format && dist.input.mediaType, dataset.slug);
      for (const url of [dist.input.accessUrl, dist.input.downloadUrl].filter(Boolean)) assert.match(url!, domains[dataset.organization]!, dataset.slug);
    }
    for (const { dataset, dist } of distributions.filter((x) => x.dist.file)) {
      assert.ok(dist.input.title?.sv && dist.input.format && dist.input.mediaType === dist.file!.mediaType, dataset.slug);
      assert.ok(!dist.input.accessUrl && !dist.input.downloadUrl, `${dataset.slug}: the service sets the URLs of an upload`);
    }
    assert.equal(new Set(files.map((f) => f.name)).size, files.length, 'file names are unique');
  });

  test('bytes() is deterministic', () => {
    for (const file of files) assert.ok(file.bytes().equals(file.bytes()), file.name);
  });

  test('exactly one file is Windows-1252: not UTF-8, and it decodes to å, ä and ö', () => {
    const legacy = files.filter((f) => !isUtf8(bytesOf(f)));
    assert.equal(legacy.length, 1, legacy.map((f) => f.name).join(', '));
    assert.match(legacy[0]!.name, /\.csv$/);
    const text = new TextDecoder('windows-1252').decode(bytesOf(legacy[0]!));
    for (const letter of ['å', 'ä', 'ö']) assert.ok(text.includes(letter), letter);
    assert.ok(!text.includes('\uFFFD'));
  });

  test('the Windows-1252 encoder maps Latin-1 and refuses the rest', () => {
    assert.deepEqual([...encodeWindows1252('åäöÅÄÖé;1')], [0xe5, 0xe4, 0xf6, 0xc5, 0xc4, 0xd6, 0xe9, 0x3b, 0x31]);
    assert.throws(() => encodeWindows1252('€'));
    assert.throws(() => encodeWindows1252('–'));
    assert.throws(() => encodeWindows1252('\u0085'));
  });

  test('CSV files: 20–2,000 rows, the same number of columns in every row, a third or so with ";"', () => {
    let semicolon = 0;
    for (const file of csvFiles) {
      const text = textOf(bytesOf(file));
      const separator = separatorOf(text);
      if (separator === ';') semicolon++;
      const [header, ...rows] = parseCsv(text, separator);
      assert.ok(rows.length >= 20 && rows.length <= 2_000, `${file.name}: ${rows.length} rows`);
      for (const [i, row] of rows.entries()) assert.equal(row.length, header!.length, `${file.name} row ${i + 2}`);
      if (separator === ';') assert.ok(!rows.some((row) => row.some((cell) => /^-?\d+\.\d+$/.test(cell))), `${file.name}: decimal commas`);
    }
    assert.ok(semicolon >= 10, `${semicolon} files with ";"`);
    assert.ok(semicolon < csvFiles.length / 2, `${semicolon} of ${csvFiles.length}`);
    assert.ok(csvFiles.some((f) => /\d,\d/.test(textOf(bytesOf(f)))), 'decimal commas somewhere');
  });

  test('JSON files are arrays of 20–2,000 objects', () => {
    assert.ok(jsonFiles.length >= 3);
    for (const file of jsonFiles) {
      const data: unknown = JSON.parse(bytesOf(file).toString('utf8'));
      assert.ok(Array.isArray(data) && data.length >= 20 && data.length <= 2_000, file.name);
      for (const item of data) assert.ok(item && typeof item === 'object' && !Array.isArray(item), file.name);
    }
  });

  test('toCsv quotes what needs quoting', () => {
    const table = { columns: ['a', 'b'], rows: [['x, y', 1.5], ['"q"', null]] };
    assert.equal(toCsv(table, { separator: ',' }), 'a,b\n"x, y",1.5\n"""q""",\n');
    assert.equal(toCsv(table, { separator: ';' }), 'a;b\r\nx, y;1,5\r\n"""q""";\r\n');
  });

  test('the vocabulary has all 290 kommuner in 21 län with unique codes', () => {
    assert.equal(KOMMUNER.length, 290);
    assert.equal(LAN.length, 21);
    assert.equal(new Set(KOMMUNER.map((k) => k.code)).size, 290);
    for (const k of KOMMUNER) assert.match(k.code, new RegExp(`^${k.lanCode}\\d\\d$`));
  });

  test('two HVD datasets meet the checklist and the API serves both', () => {
    const hvd = demoDatasets.filter((d) => d.input.hvd);
    assert.equal(hvd.length, 2);
    for (const d of hvd) {
      assert.ok(d.publish && d.visibility !== 'private', d.slug);
      assert.ok(d.input.hvdCategories?.length, `${d.slug}: category`);
      assert.ok(d.input.applicableLegislation?.includes(HVD_LEGISLATION_IRI), `${d.slug}: legislation`);
      assert.ok(d.input.contactPoint, `${d.slug}: contact point`);
      for (const dist of d.distributions) assert.ok(isAtLeastAsPermissiveAsCcBy4(dist.input.license), `${d.slug}: licence`);
      assert.ok(d.distributions.some((dist) => dist.file?.name.endsWith('.csv') && dist.input.format?.endsWith('/CSV')), `${d.slug}: bulk CSV`);
      const services = demoDataServices.filter((s) => s.servesDatasetSlugs.includes(d.slug));
      assert.equal(services.length, 1, `${d.slug}: served by an API`);
      const s = services[0]!;
      assert.ok(s.input.servesDatasetIds?.includes(d.id));
      assert.equal(s.organization, d.organization);
      assert.ok(s.input.endpointUrls?.length && s.input.endpointDescriptions?.length, 'endpoint and OpenAPI description');
      assert.ok(s.input.contactPoint && isAtLeastAsPermissiveAsCcBy4(s.input.license), 'contact point and licence');
      assert.ok(s.input.hvd && s.input.applicableLegislation?.includes(HVD_LEGISLATION_IRI) && s.input.hvdCategories?.length);
    }
  });

  test('series and their datasets agree', () => {
    assert.ok(demoSeries.length >= 1 && demoSeries.length <= 2);
    for (const s of demoSeries) {
      assert.ok(s.datasetSlugs.length >= 2, s.slug);
      for (const slug of s.datasetSlugs) {
        const d = demoDatasets.find((x) => x.slug === slug)!;
        assert.equal(d.input.seriesId, s.id);
        assert.equal(d.organization, s.organization);
      }
    }
    const inSeries = demoDatasets.filter((d) => d.input.seriesId).map((d) => d.slug).sort();
    assert.deepEqual(inSeries, demoSeries.flatMap((s) => s.datasetSlugs).sort());
  });
});
