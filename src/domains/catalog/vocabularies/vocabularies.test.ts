import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import { translator, type MessageKey } from '../../../platform/i18n/index.js';
import { impliedPublisherTypes, organizationTypes, publisherTypes } from '../../organizations/index.js';
import { buildVocabularies, serializeVocabulary } from './generate.js';
import {
  SCHEME_NAMES,
  byCode,
  canonicalIri,
  concepts,
  dataFileName,
  fileTypeByExtension,
  fileTypeByMediaType,
  iriForCode,
  isKnown,
  label,
  normalizeIri,
  schemeIri,
  selectableConcepts,
  vocabularies,
  vocabularyDataDir,
} from './index.js';

const EU = 'http://publications.europa.eu/resource/authority';

describe('vocabularies', () => {
  test('every scheme loads with the expected size', () => {
    const expected: Record<string, [number, number]> = {
      dataTheme: [13, 13],
      fileType: [150, 200],
      frequency: [25, 35],
      language: [95, 95],
      accessRight: [3, 3],
      distributionStatus: [4, 4],
      plannedAvailability: [4, 4],
      hvdCategory: [96, 96],
      licence: [150, 160],
      publisherType: [11, 11],
    };
    for (const name of SCHEME_NAMES) {
      const [min, max] = expected[name]!;
      const count = vocabularies[name].length;
      assert.ok(count >= min && count <= max, `${name}: ${count} concepts, expected ${min}–${max}`);
      for (const c of concepts(name)) {
        assert.ok(c.iri.startsWith('http://') && c.code && c.label.sv && c.label.en, `${name}: ${JSON.stringify(c)}`);
        assert.equal(c.iri, normalizeIri(c.iri), `${name}: ${c.iri} is in normal form`);
      }
    }
    assert.equal(schemeIri('hvdCategory'), 'http://data.europa.eu/bna/asd487ae75');
    assert.ok(!isKnown('dataTheme', `${EU}/data-theme/OP_DATPRO`), 'the provisional-data placeholder is left out');
  });

  test('Swedish labels exist for themes, access rights, HVD categories, languages and frequencies', () => {
    for (const name of ['dataTheme', 'accessRight', 'hvdCategory', 'language', 'frequency', 'distributionStatus', 'plannedAvailability', 'publisherType'] as const) {
      assert.deepEqual(concepts(name).filter((c) => c.svFallback).map((c) => c.code), [], name);
    }
    assert.equal(label('dataTheme', `${EU}/data-theme/GOVE`, 'sv'), 'Regeringen och den offentliga sektorn');
    assert.equal(label('dataTheme', `${EU}/data-theme/GOVE`, 'en'), 'Government and public sector');
    assert.equal(label('accessRight', `${EU}/access-right/PUBLIC`, 'sv'), 'Publik');
    assert.equal(label('hvdCategory', 'http://data.europa.eu/bna/c_ac64a52d', 'sv'), 'Geospatiala data');
    assert.equal(label('language', `${EU}/language/SWE`, 'sv'), 'svenska');
    assert.equal(label('frequency', `${EU}/frequency/ANNUAL`, 'sv'), 'årlig');
    assert.equal(label('publisherType', 'http://purl.org/adms/publishertype/NonProfitOrganisation', 'sv'), 'Ej vinstdrivande organisation');
    assert.equal(label('publisherType', 'http://purl.org/adms/publishertype/NonProfitOrganisation/', 'en'), 'Non-Profit Organisation');
    assert.equal(byCode('publisherType', 'PrivateIndividual(s)')?.iri, 'http://purl.org/adms/publishertype/PrivateIndividual(s)');
  });

  test('missing Swedish labels fall back to English and are recorded', () => {
    const csv = byCode('fileType', 'CSV')!;
    assert.equal(csv.label.sv, csv.label.en);
    assert.equal(csv.svFallback, true);
    const ccBy = byCode('licence', 'CC_BY_4_0')!;
    assert.equal(ccBy.label.sv, 'Creative Commons Erkännande 4.0 Internationell');
    assert.equal(ccBy.svFallback, undefined);
  });

  test('deprecation is kept where the vocabulary says so', () => {
    assert.equal(byCode('fileType', 'FMX2')!.deprecated, true);
    assert.equal(byCode('fileType', 'CSV')!.deprecated, undefined);
    assert.ok(!selectableConcepts('fileType', 'en').some((c) => c.code === 'FMX2'), 'deprecated types are not offered');
    assert.ok(isKnown('fileType', `${EU}/file-type/FMX2`), 'but stored values still resolve');
  });

  test('lookups by code, media type and extension', () => {
    assert.equal(iriForCode('fileType', 'CSV'), `${EU}/file-type/CSV`);
    assert.equal(iriForCode('fileType', 'csv'), `${EU}/file-type/CSV`);
    assert.equal(iriForCode('language', 'swe'), `${EU}/language/SWE`);
    assert.equal(iriForCode('dataTheme', 'ENVI'), `${EU}/data-theme/ENVI`);
    assert.equal(iriForCode('fileType', 'NOPE'), undefined);
    assert.equal(byCode('fileType', 'CSV')!.mediaType, 'text/csv');
    assert.equal(fileTypeByMediaType('text/csv; charset=utf-8')?.code, 'CSV');
    assert.equal(fileTypeByMediaType('application/geo+json')?.code, 'GEOJSON');
    assert.equal(fileTypeByMediaType('application/x-nothing'), undefined);
    assert.equal(fileTypeByExtension('.CSV')?.code, 'CSV');
    assert.equal(fileTypeByExtension('json')?.code, 'JSON');
    assert.equal(fileTypeByExtension('xlsx')?.code, 'XLSX');
  });

  test('IRIs are normalised: https, trailing slashes, case of the code, angle brackets', () => {
    const csv = `${EU}/file-type/CSV`;
    for (const spelling of [
      csv,
      'https://publications.europa.eu/resource/authority/file-type/CSV',
      'http://publications.europa.eu/resource/authority/file-type/CSV/',
      'HTTPS://Publications.Europa.EU/resource/authority/file-type/csv',
      ` <${csv}> `,
    ]) {
      assert.equal(canonicalIri('fileType', spelling), csv, spelling);
      assert.ok(isKnown('fileType', spelling), spelling);
    }
    assert.equal(canonicalIri('hvdCategory', 'https://data.europa.eu/bna/c_ac64a52d/'), 'http://data.europa.eu/bna/c_ac64a52d');
    assert.equal(isKnown('dataTheme', 'http://example.org/theme/ECON'), false);
    assert.equal(label('dataTheme', 'not an iri', 'sv'), undefined);
    assert.equal(normalizeIri('https://example.org/a/'), 'https://example.org/a', 'other hosts keep their scheme');
  });

  test('pickers sort by the label in the locale', () => {
    const sv = selectableConcepts('dataTheme', 'sv').map((c) => c.label.sv);
    assert.deepEqual(sv, [...sv].sort(new Intl.Collator('sv').compare));
    assert.equal(sv.length, 13);
  });

  test('the committed JSON equals what the generator builds from ../shared', async (t) => {
    const sharedDir = path.resolve(vocabularyDataDir, '../../../../../../shared');
    if (!fs.existsSync(path.join(sharedDir, 'standards'))) {
      t.skip(`${sharedDir}/standards is missing: cannot check the vendored vocabularies for drift`);
      return;
    }
    const built = await buildVocabularies(sharedDir);
    for (const name of SCHEME_NAMES) {
      const committed = fs.readFileSync(path.join(vocabularyDataDir, dataFileName(name)), 'utf8');
      assert.equal(committed, serializeVocabulary(built[name]), `${dataFileName(name)} differs: run npm run vocabularies`);
    }
  });
});

describe('the ADMS publisher types', () => {
  test('the organisations offer exactly the vocabulary’s codes, labelled as the vocabulary labels them', () => {
    assert.deepEqual([...publisherTypes].sort(), concepts('publisherType').map((c) => c.code).sort());
    for (const locale of ['sv', 'en'] as const) {
      const t = translator(locale);
      for (const code of publisherTypes) assert.equal(t(`organizations.publisherType.${code}` as MessageKey), byCode('publisherType', code)!.label[locale], `${locale} ${code}`);
    }
    for (const type of organizationTypes) {
      const implied = impliedPublisherTypes[type];
      if (implied) assert.equal(iriForCode('publisherType', implied), `http://purl.org/adms/publishertype/${implied}`, type);
    }
  });
});
