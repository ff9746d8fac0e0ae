// The publisher type in effect: the chosen one, else the one the organisation type implies.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { impliedPublisherTypes, isPublisherType, publisherTypeMissing, publisherTypeOf } from './publisher-type.js';

describe('publisher types', () => {
  test('the chosen type wins; unset follows the organisation type; "other" implies none', () => {
    assert.equal(publisherTypeOf({ type: 'municipality', publisher_type: null }), 'LocalAuthority');
    assert.equal(publisherTypeOf({ type: 'municipality', publisher_type: 'Company' }), 'Company');
    assert.equal(publisherTypeOf({ type: 'other', publisher_type: null }), undefined);
    assert.equal(publisherTypeOf({ type: 'other', publisher_type: 'NonProfitOrganisation' }), 'NonProfitOrganisation');
    assert.equal(publisherTypeMissing({ type: 'other', publisher_type: null }), true);
    assert.equal(publisherTypeMissing({ type: 'other', publisher_type: 'NonProfitOrganisation' }), false);
    assert.equal(publisherTypeMissing({ type: 'state_company', publisher_type: null }), false);
    assert.deepEqual(impliedPublisherTypes, { state_agency: 'NationalAuthority', municipality: 'LocalAuthority', region: 'RegionalAuthority', state_company: 'Company', other: undefined });
  });

  test('only the ADMS codes, spelled exactly, are publisher types', () => {
    assert.ok(isPublisherType('PrivateIndividual(s)'));
    for (const value of ['nonprofitorganisation', 'http://purl.org/adms/publishertype/Company', '', null, 3]) assert.equal(isPublisherType(value), false, String(value));
  });
});
