import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  allLicences,
  isAtLeastAsPermissiveAsCcBy4,
  isOpenLicence,
  licencePickerOptions,
  normalizeLicenceUri,
  resolveLicence,
} from './licences.js';

const CC_BY_4 = 'http://creativecommons.org/licenses/by/4.0/';
const CC_BY_SA_4 = 'http://creativecommons.org/licenses/by-sa/4.0/';
const CC_BY_NC_4 = 'http://creativecommons.org/licenses/by-nc/4.0/';
const CC0 = 'http://creativecommons.org/publicdomain/zero/1.0/';
const PDM = 'http://creativecommons.org/publicdomain/mark/1.0/';
const EU = 'http://publications.europa.eu/resource/authority/licence';

describe('licences', () => {
  test('real-world spellings normalise to one canonical IRI', () => {
    const table: [string, string][] = [
      ['http://creativecommons.org/licenses/by/4.0/', CC_BY_4],
      ['https://creativecommons.org/licenses/by/4.0/', CC_BY_4],
      ['https://creativecommons.org/licenses/by/4.0', CC_BY_4],
      ['creativecommons.org/licenses/by/4.0/deed.sv', CC_BY_4],
      ['https://creativecommons.org/licenses/by/4.0/deed.sv', CC_BY_4],
      ['https://creativecommons.org/licenses/by/4.0/deed.en', CC_BY_4],
      ['https://creativecommons.org/licenses/by/4.0/legalcode', CC_BY_4],
      ['https://creativecommons.org/licenses/by/4.0/legalcode.sv', CC_BY_4],
      ['https://www.creativecommons.org/licenses/by/4.0/', CC_BY_4],
      ['https://creativecommons.org/licenses/by/', CC_BY_4],
      [`${EU}/CC_BY_4_0`, CC_BY_4],
      ['https://publications.europa.eu/resource/authority/licence/CC_BY_4_0', CC_BY_4],
      [`${EU}/CC_BY`, CC_BY_4],
      ['CC-BY-4.0', CC_BY_4],
      ['CC BY 4.0', CC_BY_4],
      ['cc-by', CC_BY_4],
      ['https://spdx.org/licenses/CC-BY-4.0.html', CC_BY_4],
      ['https://creativecommons.org/publicdomain/zero/1.0/legalcode', CC0],
      ['https://creativecommons.org/publicdomain/zero/1.0/deed.sv', CC0],
      ['http://creativecommons.org/publicdomain/zero/1.0', CC0],
      [`${EU}/CC0`, CC0],
      ['CC0-1.0', CC0],
      ['cc-zero', CC0],
      ['https://creativecommons.org/publicdomain/mark/1.0/', PDM],
      ['https://creativecommons.org/publicdomain/mark/1.0/deed.sv', PDM],
      [`${EU}/CC_PDM_1_0`, PDM],
      ['PDM', PDM],
      ['https://creativecommons.org/licenses/by-sa/4.0/deed.sv', CC_BY_SA_4],
      [`${EU}/CC_BYSA_4_0`, CC_BY_SA_4],
      ['https://creativecommons.org/licenses/by-nc/4.0/legalcode', CC_BY_NC_4],
      ['http://creativecommons.org/licenses/by/3.0/', 'http://creativecommons.org/licenses/by/3.0/'],
      ['https://opendatacommons.org/licenses/odbl/1-0/', `${EU}/ODC_BL`],
      ['http://opendatacommons.org/licenses/odbl/1.0/', `${EU}/ODC_BL`],
      ['ODbL-1.0', `${EU}/ODC_BL`],
      ['https://opendatacommons.org/licenses/pddl/1-0/', `${EU}/ODC_PDDL`],
      ['https://www.govdata.de/dl-de/by-2-0', `${EU}/DLDE_BY_2_0`],
      ['https://www.etalab.gouv.fr/licence-ouverte-open-licence/', 'https://www.etalab.gouv.fr/licence-ouverte-open-licence'],
      ['etalab-2.0', 'https://www.etalab.gouv.fr/licence-ouverte-open-licence'],
      ['http://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/', `${EU}/OGL_3_0`],
      ['https://opensource.org/licenses/MIT', `${EU}/MIT`],
      ['https://publications.europa.eu/resource/authority/licence/eupl_1_2', `${EU}/EUPL_1_2`],
      ['http://www.opendefinition.org/licenses/cc-by', CC_BY_4],
    ];
    assert.ok(table.length >= 25);
    for (const [input, canonical] of table) assert.equal(normalizeLicenceUri(input), canonical, input);
  });

  test('unknown licences stay as given and are not resolved', () => {
    assert.equal(normalizeLicenceUri(' https://example.se/vara-villkor '), 'https://example.se/vara-villkor');
    assert.equal(resolveLicence('https://example.se/vara-villkor'), undefined);
    assert.equal(resolveLicence(''), undefined);
    assert.equal(resolveLicence(null), undefined);
  });

  test('each canonical IRI resolves to itself, and no two licences share one', () => {
    const seen = new Set<string>();
    for (const licence of allLicences()) {
      assert.equal(normalizeLicenceUri(licence.iri), licence.iri, licence.code);
      assert.ok(!seen.has(licence.iri), `${licence.iri} twice`);
      seen.add(licence.iri);
    }
  });

  test('open licences by the Open Definition; NC, ND, custom, unknown and none are not', () => {
    for (const open of [CC0, PDM, CC_BY_4, CC_BY_SA_4, 'http://creativecommons.org/licenses/by/3.0/', 'ODbL-1.0', 'ODC-By-1.0', 'PDDL-1.0', 'etalab-2.0', 'NLOD-2.0', `${EU}/NLOD_1_0`, 'DL-DE-BY-2.0', 'DL-DE-ZERO-2.0', 'OGL-UK-3.0', `${EU}/EUPL_1_2`]) {
      assert.equal(isOpenLicence(open), true, open);
    }
    for (const closed of [CC_BY_NC_4, 'https://creativecommons.org/licenses/by-nd/4.0/', 'https://creativecommons.org/licenses/by-nc-sa/4.0/deed.sv', 'https://creativecommons.org/licenses/by-nc-nd/3.0/', `${EU}/CC_BYNC`, `${EU}/OGL_NC`, `${EU}/DLDE_BYNC_1_0`, `${EU}/PSEUL`, 'https://example.se/egna-villkor', 'proprietary', '', null, undefined]) {
      assert.equal(isOpenLicence(closed), false, String(closed));
    }
  });

  test('the non-open licences of the EU vocabulary are exactly the NC/ND ones and a few restrictive ones', () => {
    const notOpen = allLicences().filter((l) => !l.open).map((l) => l.code).sort();
    for (const code of notOpen) assert.match(code, /^CC_BY(NC|ND)|^(DLDE_BYNC_1_0|OGL_NC|PSEUL)$/, code);
    assert.ok(notOpen.length >= 20, `${notOpen.length} non-open`);
  });

  test('at least as permissive as CC BY 4.0 (HVD)', () => {
    for (const yes of [CC0, PDM, CC_BY_4, 'https://creativecommons.org/licenses/by/4.0/deed.sv', `${EU}/CC_BY_4_0`, 'PDDL-1.0', 'ODC-By-1.0', 'DL-DE-ZERO-2.0', 'DL-DE-BY-2.0', 'etalab-2.0', 'OGL-UK-3.0']) {
      assert.equal(isAtLeastAsPermissiveAsCcBy4(yes), true, yes);
    }
    for (const no of [CC_BY_SA_4, CC_BY_NC_4, 'https://creativecommons.org/licenses/by-nd/4.0/', 'http://creativecommons.org/licenses/by/3.0/', 'ODbL-1.0', 'https://example.se/villkor', '', null]) {
      assert.equal(isAtLeastAsPermissiveAsCcBy4(no), false, String(no));
    }
  });

  test('the picker puts CC0, CC BY 4.0 and PDM first, then the rest by label, without deprecated ones', () => {
    for (const locale of ['sv', 'en'] as const) {
      const options = licencePickerOptions(locale);
      assert.deepEqual(options.slice(0, 3).map((l) => l.iri), [CC0, CC_BY_4, PDM]);
      const rest = options.slice(3).map((l) => l.label[locale]);
      assert.deepEqual(rest, [...rest].sort(new Intl.Collator(locale).compare));
      assert.ok(!options.some((l) => l.deprecated), 'no deprecated licence is offered');
      assert.equal(new Set(options.map((l) => l.iri)).size, options.length, 'no duplicates');
      assert.ok(options.length > 100);
    }
    assert.equal(licencePickerOptions('sv')[1]!.label.sv, 'Creative Commons Erkännande 4.0 Internationell');
  });
});
