// The catalog domain's public surface. So far: the controlled vocabularies and the licence rules
// (issue 4 adds datasets, distributions, data services and series on top).
export {
  SCHEME_NAMES,
  byCode,
  canonicalIri,
  concepts,
  fileTypeByExtension,
  fileTypeByMediaType,
  findConcept,
  iriForCode,
  isKnown,
  label,
  normalizeIri,
  schemeIri,
  selectableConcepts,
  vocabularies,
  type Concept,
  type Locale,
  type SchemeName,
} from './vocabularies/index.js';
export {
  LICENCE_RECOMMENDATION_KEY,
  RECOMMENDED_LICENCE_CODES,
  allLicences,
  isAtLeastAsPermissiveAsCcBy4,
  isOpenLicence,
  licencePickerOptions,
  normalizeLicenceUri,
  resolveLicence,
  type Licence,
} from './licences.js';
