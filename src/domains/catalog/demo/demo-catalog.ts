// The demo catalog `allmanning demo` loads: 55 Swedish datasets across the seven demo organisations
// (organization.demo.ts), one API, two dataset series and two high-value datasets. Everything is
// data: the seeder feeds it through the catalog service. Ids are fixed (…0002NN datasets, …0003NN
// data services, …0004NN series; organisations are …0001NN) so seeding twice changes nothing, and
// every file is generated from a seeded PRNG on each call to bytes(), offline.
//
// Order for a seeder: series first (datasets name them in seriesId), then datasets with their
// distributions as drafts, then the data service (it names the datasets it serves, and the HVD
// checklist wants it before the HVD datasets are published), then publish the datasets with
// publish: true.
import type { DataServiceInput, DatasetInput, DistributionInput, SeriesInput } from '../catalog.input.js';
import { diggDatasets, lantmaterietDatasets, systembolagetDatasets } from './demo-datasets-agencies.js';
import { GBG_INVOICE_SERIES_ID, goteborgDatasets } from './demo-datasets-goteborg.js';
import { regionDatasets } from './demo-datasets-region.js';
import { SCB_POPULATION_SERIES_ID, scbDatasets } from './demo-datasets-scb.js';
import { stockholmDatasets } from './demo-datasets-stockholm.js';
import { contact, demoId, HVD_LEGISLATION_IRI, hvdCategory, LICENCES, PLACES, vocab } from './demo-support.js';

export interface DemoFile {
  name: string;
  mediaType: string;
  bytes: () => Buffer;
}

export interface DemoDistribution {
  input: DistributionInput;
  file?: DemoFile;
}

export interface DemoDataset {
  id: string;
  slug: string;
  /** The organisation's slug. */
  organization: string;
  /** Without organization and slug (they are the fields beside it). */
  input: Omit<DatasetInput, 'organization' | 'slug'>;
  distributions: DemoDistribution[];
  /** false: stays a draft. */
  publish: boolean;
  visibility?: 'public' | 'private';
}

export interface DemoDataService {
  id: string;
  slug: string;
  organization: string;
  input: Omit<DataServiceInput, 'organization' | 'slug'>;
  servesDatasetSlugs: string[];
}

export interface DemoSeries {
  id: string;
  slug: string;
  organization: string;
  input: Omit<SeriesInput, 'organization' | 'slug'>;
  datasetSlugs: string[];
}

export const demoDatasets: DemoDataset[] = [
  ...diggDatasets,
  ...lantmaterietDatasets,
  ...scbDatasets,
  ...stockholmDatasets,
  ...goteborgDatasets,
  ...regionDatasets,
  ...systembolagetDatasets,
];

const idOf = (slug: string) => {
  const found = demoDatasets.find((d) => d.slug === slug);
  if (!found) throw new Error(`no demo dataset ${slug}`);
  return found.id;
};

const LM_API = 'https://api.lantmateriet.se/ogc-features/v1';
const HVD_SERVED = ['belagenhetsadresser', 'byggnader'];

export const demoDataServices: DemoDataService[] = [
  {
    id: demoId('dataService', 1),
    slug: 'oppna-geodata-api',
    organization: 'lantmateriet',
    servesDatasetSlugs: HVD_SERVED,
    input: {
      title: { sv: 'Öppna geodata – OGC API Features', en: 'Open geodata – OGC API Features' },
      description: {
        sv: 'Ett öppet API för Lantmäteriets belägenhetsadresser och byggnader enligt OGC API Features. Hämta objekt för en kommun eller ett område som GeoJSON, i WGS 84 eller SWEREF 99 TM. Ingen API-nyckel krävs; högst 10 förfrågningar per sekund.',
        en: 'An open OGC API Features service for Lantmäteriet\'s addresses and buildings, as GeoJSON. No API key; at most 10 requests per second.',
      },
      endpointUrls: [`${LM_API}/`],
      endpointDescriptions: [`${LM_API}/openapi.json`],
      servesDatasetIds: HVD_SERVED.map(idOf),
      formats: [vocab('fileType', 'GEOJSON'), vocab('fileType', 'JSON')],
      license: LICENCES.CC0,
      accessRights: vocab('accessRight', 'PUBLIC'),
      contactPoint: contact('lantmateriet'),
      keywords: { sv: ['API', 'OGC API Features', 'adresser', 'byggnader', 'geodata'], en: ['API', 'OGC API Features', 'addresses', 'buildings'] },
      themes: [vocab('dataTheme', 'REGI')],
      documentation: ['https://www.lantmateriet.se/sv/geodata/vara-tjanster/oppna-api/'],
      landingPage: 'https://www.lantmateriet.se/sv/geodata/vara-tjanster/oppna-api/',
      conformsTo: ['http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core', 'http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson'],
      hvd: true,
      hvdCategories: [hvdCategory('Geospatial')],
      applicableLegislation: [HVD_LEGISLATION_IRI],
    },
  },
];

const slugsInSeries = (seriesId: string) => demoDatasets.filter((d) => d.input.seriesId === seriesId).map((d) => d.slug);

export const demoSeries: DemoSeries[] = [
  {
    id: SCB_POPULATION_SERIES_ID,
    slug: 'folkmangd-per-kommun',
    organization: 'scb',
    datasetSlugs: slugsInSeries(SCB_POPULATION_SERIES_ID),
    input: {
      title: { sv: 'Folkmängd per kommun', en: 'Population by municipality' },
      description: {
        sv: 'Den årliga folkmängden i Sveriges kommuner den 31 december, en datamängd per år. Varje år publiceras i februari året efter.',
        en: 'The yearly population of Sweden\'s municipalities on 31 December, one dataset per year, published each February.',
      },
      contactPoint: contact('scb'),
      keywords: { sv: ['befolkning', 'folkmängd', 'kommuner'], en: ['population', 'municipalities'] },
      themes: [vocab('dataTheme', 'SOCI'), vocab('dataTheme', 'REGI')],
      accrualPeriodicity: vocab('frequency', 'ANNUAL'),
      temporal: [{ start: '2022-12-31' }],
      spatial: [PLACES.sweden],
      issued: '2023-02-21',
      modified: '2025-02-21',
      landingPage: 'https://www.scb.se/hitta-statistik/statistik-efter-amne/befolkning/befolkningens-sammansattning/befolkningsstatistik/',
      documentation: [],
      conformsTo: [],
      hvdCategories: [],
      applicableLegislation: [],
    },
  },
  {
    id: GBG_INVOICE_SERIES_ID,
    slug: 'leverantorsfakturor',
    organization: 'goteborgs-stad',
    datasetSlugs: slugsInSeries(GBG_INVOICE_SERIES_ID),
    input: {
      title: { sv: 'Leverantörsfakturor' },
      description: { sv: 'Göteborgs Stads betalda leverantörsfakturor, en datamängd per kalenderår. Innevarande år fylls på varje månad.' },
      contactPoint: contact('goteborgs-stad'),
      keywords: { sv: ['leverantörsfakturor', 'inköp', 'insyn'] },
      themes: [vocab('dataTheme', 'ECON'), vocab('dataTheme', 'GOVE')],
      accrualPeriodicity: vocab('frequency', 'ANNUAL'),
      temporal: [{ start: '2023-01-01' }],
      spatial: [PLACES.goteborg],
      issued: '2024-02-15',
      documentation: [],
      conformsTo: ['https://www.dataportal.se/specifications/leverantorsreskontra'],
      hvdCategories: [],
      applicableLegislation: [],
    },
  },
];

export { ORGANIZATION_SLUGS, SYSTEMBOLAGET_TERMS, type OrgSlug } from './demo-support.js';
