import type { catalogSv } from './catalog.sv.js';

// English: the catalog domain.
export const catalogEn: Record<keyof typeof catalogSv, string> = {
  'catalog.licence.field': 'Licence',
  'catalog.licence.hint': 'Choose the licence that applies to the distribution. Open licences let anyone use, change and share the information.',
  'catalog.licence.group.recommended': 'Recommended licences',
  'catalog.licence.group.other': 'Other licences',
  'catalog.licence.recommendation':
    'Digg and PRV (the Swedish Intellectual Property Office) recommend the Public Domain Mark (PDM) or CC0 for information without copyright and for databases.',
  'catalog.licence.custom': 'Other licence (give the licence’s web address)',
  'catalog.licence.none': 'No licence given',
  'catalog.licence.notOpen': 'Not open data',
  'catalog.licence.notOpenHint':
    'The licence restricts re-use (for example non-commercial only, no derivatives, or unknown terms), so the information does not count as open data.',
  'catalog.licence.hvdTooRestrictive':
    'A high-value dataset needs a licence at least as permissive as CC BY 4.0, for example CC0, PDM or CC BY 4.0.',
  'catalog.vocabulary.noSwedishLabel': 'The name exists in English only',
};
