// Swedish: the catalog domain (datasets, distributions, licences, vocabularies).
export const catalogSv = {
  'catalog.licence.field': 'Licens',
  'catalog.licence.hint': 'Välj den licens som gäller för distributionen. Öppna licenser gör att alla får använda, bearbeta och sprida informationen.',
  'catalog.licence.group.recommended': 'Rekommenderade licenser',
  'catalog.licence.group.other': 'Andra licenser',
  'catalog.licence.recommendation':
    'Digg och PRV rekommenderar Public Domain Mark (PDM) eller CC0 för information som saknar upphovsrätt och för databaser.',
  'catalog.licence.custom': 'Annan licens (ange licensens webbadress)',
  'catalog.licence.none': 'Ingen licens angiven',
  'catalog.licence.notOpen': 'Inte öppna data',
  'catalog.licence.notOpenHint':
    'Licensen begränsar vidareutnyttjandet (till exempel bara icke-kommersiellt, inga bearbetningar eller okända villkor), så informationen räknas inte som öppna data.',
  'catalog.licence.hvdTooRestrictive':
    'En värdefull datamängd måste ha en licens som är minst lika tillåtande som CC BY 4.0, till exempel CC0, PDM eller CC BY 4.0.',
  'catalog.vocabulary.noSwedishLabel': 'Benämningen finns bara på engelska',
} as const;
