// The demo datasets of Digg, Lantmäteriet and Systembolaget. Lantmäteriet's addresses and buildings
// are the two high-value datasets (HVD category Geospatial), served by the API in demo-catalog.ts.
import type { DemoDataset } from './demo-catalog.js';
import { csvFile, jsonFile, tableJsonFile } from './demo-files.js';
import { dataset, fileDist, linkDist, PLACES } from './demo-support.js';
import * as geo from './demo-tables-geo.js';
import * as t from './demo-tables-state.js';

const DIGG = 'https://www.digg.se';
const LM = 'https://www.lantmateriet.se';
const SB = 'https://www.systembolaget.se';

export const diggDatasets: DemoDataset[] = [
  dataset({
    n: 1, slug: 'dataportal-besoksstatistik', org: 'digg',
    title: ['Besöksstatistik för Sveriges dataportal', 'Visitor statistics for the Swedish data portal'],
    description: [
      'Antal besök, unika besökare, sidvisningar, sökningar och nedladdningar per dag på dataportal.se. Statistiken samlas in utan kakor och utan att enskilda besökare kan identifieras.',
      'Daily visits, unique visitors, page views, searches and downloads on dataportal.se, collected without cookies.',
    ],
    keywords: [['dataportal', 'besöksstatistik', 'webbstatistik', 'öppna data'], ['data portal', 'web analytics', 'open data']],
    themes: ['GOVE', 'TECH'], frequency: 'DAILY', issued: '2024-02-01', modified: '2025-11-01',
    temporal: [{ start: '2024-01-01' }], spatial: [PLACES.sweden], landingPage: 'https://www.dataportal.se/statistik',
    distributions: [fileDist(csvFile('dataportal-besok-per-dag.csv', t.dataportalBesok), { title: ['Besök per dag (CSV)', 'Visits per day (CSV)'], licence: 'CC0' })],
  }),
  dataset({
    n: 2, slug: 'offentliga-api-er', org: 'digg',
    title: ['Katalog över offentliga API:er', 'Catalogue of public-sector APIs'],
    description: [
      'En förteckning över API:er som svenska myndigheter erbjuder: bas-URL, specifikation, format, licens och om en API-nyckel krävs. Förteckningen granskas av Digg och kompletterar de API:er som organisationerna själva beskriver på dataportal.se.',
      'A list of APIs offered by Swedish public bodies, with base URL, specification, format, licence and whether a key is required.',
    ],
    keywords: [['API', 'gränssnitt', 'REST', 'OpenAPI', 'förvaltningsgemensam digital infrastruktur'], ['API', 'REST', 'OpenAPI']],
    themes: ['GOVE', 'TECH'], frequency: 'MONTHLY', issued: '2023-06-12', modified: '2025-10-15',
    temporal: [{ start: '2023-06-01' }], spatial: [PLACES.sweden],
    documentation: [`${DIGG}/api-profil`], conformsTo: ['https://dev.dataportal.se/rest-api-profil'],
    distributions: [
      fileDist(tableJsonFile('api-katalog.json', t.apiKatalog), { title: ['API-katalogen (JSON)', 'API catalogue (JSON)'], licence: 'CC0' }),
      fileDist(csvFile('api-katalog.csv', t.apiKatalog), { title: ['API-katalogen (CSV)', 'API catalogue (CSV)'], licence: 'CC0' }),
    ],
  }),
  dataset({
    n: 3, slug: 'datamangder-per-organisation', org: 'digg',
    title: ['Publicerade datamängder per organisation', 'Published datasets by organisation'],
    description: [
      'Hur många datamängder, värdefulla datamängder och API:er varje offentlig organisation har beskrivit på dataportal.se, och när den senast publicerade något. Underlaget för Diggs uppföljning av öppna data.',
      'How many datasets, high-value datasets and APIs each public organisation has described on dataportal.se.',
    ],
    keywords: [['öppna data', 'uppföljning', 'dataportal', 'kommuner', 'myndigheter'], ['open data', 'monitoring', 'data portal']],
    themes: ['GOVE'], frequency: 'MONTHLY', issued: '2022-03-01', modified: '2025-11-01',
    temporal: [{ start: '2022-01-01' }], spatial: [PLACES.sweden],
    distributions: [fileDist(csvFile('datamangder-per-organisation.csv', t.datamangderPerOrganisation, ';'), { title: ['Datamängder per organisation (CSV)', 'Datasets per organisation (CSV)'], licence: 'CC0' })],
  }),
  dataset({
    n: 4, slug: 'digital-mognad-offentlig-sektor', org: 'digg', publish: false,
    title: ['Digital mognad i offentlig sektor', 'Digital maturity in the public sector'],
    description: ['Resultat från Diggs enkät om digital mognad: medelvärde (1–5) per organisationstyp och dimension. Utkast – metodbeskrivningen granskas innan publicering.'],
    keywords: [['digitalisering', 'mognadsmätning', 'enkät']],
    themes: ['GOVE'], frequency: 'ANNUAL', issued: '2025-12-01',
    temporal: [{ start: '2023-01-01', end: '2025-12-31' }], spatial: [PLACES.sweden],
    distributions: [fileDist(csvFile('digital-mognad.csv', t.digitalMognad), { title: ['Digital mognad (CSV)'], licence: 'CC_BY', status: 'DEVELOP', availability: 'EXPERIMENTAL' })],
  }),
  dataset({
    n: 5, slug: 'forvaltningsgemensamma-specifikationer', org: 'digg',
    title: ['Förvaltningsgemensamma specifikationer', 'Shared specifications for public administration'],
    description: [
      'Specifikationer som offentliga organisationer använder för att publicera samma slags data på samma sätt, till exempel för förskolor, badplatser, leverantörsreskontra och offentlig konst. Varje specifikation beskriver fält, format och exempel.',
      'Specifications public bodies use to publish the same kind of data the same way (preschools, bathing sites, supplier ledgers, public art …).',
    ],
    keywords: [['specifikationer', 'datastandard', 'interoperabilitet'], ['specifications', 'data standards', 'interoperability']],
    themes: ['GOVE', 'TECH'], frequency: 'IRREG', issued: '2021-09-30', modified: '2025-06-10',
    temporal: [{ start: '2021-09-30' }], spatial: [PLACES.sweden], landingPage: 'https://www.dataportal.se/specifications',
    distributions: [
      linkDist({ title: ['Specifikationerna på dataportal.se', 'The specifications on dataportal.se'], accessUrl: 'https://www.dataportal.se/specifications', format: 'HTML', mediaType: 'text/html', licence: 'CC0' }),
    ],
  }),
];

export const lantmaterietDatasets: DemoDataset[] = [
  dataset({
    n: 6, slug: 'belagenhetsadresser', org: 'lantmateriet', hvd: ['Geospatial'],
    title: ['Belägenhetsadresser', 'Addresses'],
    description: [
      'Sveriges belägenhetsadresser: adressområde (gata), adressplatsnummer, postnummer, postort och läge i SWEREF 99 TM. Adresserna fastställs av kommunerna och förvaltas i Lantmäteriets adressregister. Värdefull datamängd enligt EU:s genomförandeförordning (EU) 2023/138.',
      'Swedish addresses with street, number, postcode, post town and position in SWEREF 99 TM. A high-value dataset under Implementing Regulation (EU) 2023/138.',
    ],
    keywords: [['adresser', 'belägenhetsadress', 'geodata', 'värdefulla datamängder'], ['addresses', 'geospatial', 'high-value datasets']],
    themes: ['REGI', 'GOVE'], frequency: 'DAILY', issued: '2023-06-09', modified: '2025-11-20',
    temporal: [{ start: '2023-06-09' }], spatial: [PLACES.sweden],
    landingPage: `${LM}/sv/geodata/vara-produkter/produktlista/belagenhetsadresser/`,
    documentation: [`${LM}/sv/geodata/vara-produkter/produktlista/belagenhetsadresser/dokumentation/`],
    conformsTo: ['http://inspire.ec.europa.eu/id/document/tg/ad'],
    distributions: [
      fileDist(csvFile('belagenhetsadresser.csv', geo.adresser), {
        title: ['Belägenhetsadresser, hela landet (CSV)', 'Addresses, all of Sweden (CSV)'],
        description: ['Nedladdning av hela datamängden. Koordinater i SWEREF 99 TM (EPSG:3006).', 'The whole dataset; coordinates in SWEREF 99 TM (EPSG:3006).'],
        licence: 'CC0', conformsTo: ['https://www.opengis.net/def/crs/EPSG/0/3006'],
      }),
      linkDist({
        title: ['Belägenhetsadresser via OGC API Features', 'Addresses via OGC API Features'],
        description: ['Hämta adresser för ett område eller en kommun som GeoJSON.', 'Fetch the addresses of an area or municipality as GeoJSON.'],
        accessUrl: 'https://api.lantmateriet.se/ogc-features/v1/collections/adresser', format: 'GEOJSON', mediaType: 'application/geo+json', licence: 'CC0',
        documentation: ['https://api.lantmateriet.se/ogc-features/v1/openapi.json'],
      }),
    ],
  }),
  dataset({
    n: 7, slug: 'byggnader', org: 'lantmateriet', hvd: ['Geospatial'],
    title: ['Byggnader', 'Buildings'],
    description: [
      'Byggnader med objekttyp, ändamål, huvudbyggnad eller inte, fotavtryckets area och läge i SWEREF 99 TM. Uppgifterna kommer från kommunernas och Lantmäteriets ajourhållning. Värdefull datamängd enligt (EU) 2023/138.',
      'Buildings with type, purpose, main building flag, footprint area and position in SWEREF 99 TM. A high-value dataset under (EU) 2023/138.',
    ],
    keywords: [['byggnader', 'byggnadsändamål', 'geodata', 'värdefulla datamängder'], ['buildings', 'geospatial', 'high-value datasets']],
    themes: ['REGI', 'ENVI'], frequency: 'WEEKLY', issued: '2023-06-09', modified: '2025-11-17',
    temporal: [{ start: '2023-06-09' }], spatial: [PLACES.sweden],
    landingPage: `${LM}/sv/geodata/vara-produkter/produktlista/byggnad-nedladdning/`,
    conformsTo: ['http://inspire.ec.europa.eu/id/document/tg/bu'],
    distributions: [
      fileDist(csvFile('byggnader.csv', geo.byggnader), { title: ['Byggnader, urval (CSV)', 'Buildings, extract (CSV)'], licence: 'CC0' }),
    ],
  }),
  dataset({
    n: 8, slug: 'ortnamn', org: 'lantmateriet',
    title: ['Ortnamn', 'Place names'],
    description: [
      'Namn på orter, sjöar, vattendrag, höjder, öar och andra platser med kategori, kommun och läge. Namnen följer ortnamnsrådets rekommendationer och god ortnamnssed enligt kulturmiljölagen.',
      'Names of settlements, lakes, streams, hills, islands and other places, with category, municipality and position.',
    ],
    keywords: [['ortnamn', 'namn', 'geodata', 'kartor'], ['place names', 'gazetteer', 'geospatial']],
    themes: ['REGI', 'EDUC'], frequency: 'MONTHLY', issued: '2020-07-01', modified: '2025-10-01',
    temporal: [{ start: '2020-07-01' }], spatial: [PLACES.sweden], conformsTo: ['http://inspire.ec.europa.eu/id/document/tg/gn'],
    distributions: [fileDist(csvFile('ortnamn.csv', geo.ortnamn, ';'), { title: ['Ortnamn (CSV)', 'Place names (CSV)'], licence: 'CC0' })],
  }),
  dataset({
    n: 9, slug: 'hojdmodell-grid-50', org: 'lantmateriet',
    title: ['Höjdmodell, grid 50 meter', 'Elevation model, 50 metre grid'],
    description: [
      'Markhöjder i ett rutnät med 50 meters upplösning över hela Sverige, framtagna ur den nationella laserskanningen. Levereras som GeoTIFF-rutor i SWEREF 99 TM med höjder i RH 2000.',
      'Ground elevation on a 50 m grid over Sweden, from the national laser scanning; GeoTIFF tiles in SWEREF 99 TM, heights in RH 2000.',
    ],
    keywords: [['höjddata', 'höjdmodell', 'laserskanning', 'terräng'], ['elevation', 'DEM', 'terrain']],
    themes: ['ENVI', 'REGI'], frequency: 'IRREG', issued: '2020-07-01', modified: '2024-03-15',
    temporal: [{ start: '2009-01-01', end: '2019-12-31' }], spatial: [PLACES.sweden],
    distributions: [
      linkDist({
        title: ['Höjdmodell 50 m (ZIP med GeoTIFF)', 'Elevation model 50 m (ZIP of GeoTIFF)'],
        accessUrl: `${LM}/sv/geodata/vara-produkter/produktlista/markhojdmodell-nedladdning-grid-50/`,
        downloadUrl: 'https://download.lantmateriet.se/hojd/grid50/hojdmodell-grid50-sweref99tm.zip', format: 'ZIP', mediaType: 'application/zip', licence: 'CC0',
      }),
    ],
  }),
  dataset({
    n: 10, slug: 'topografi-50', org: 'lantmateriet',
    title: ['Topografi 50, nedladdning', 'Topography 50, download'],
    description: ['Vektordata för kartor i skala 1:50 000: vägar, järnvägar, vatten, markslag och bebyggelse. Levereras som GML per kartblad.', 'Vector map data at 1:50 000 as GML per map sheet.'],
    keywords: [['topografi', 'kartdata', 'vektordata'], ['topography', 'map data']],
    themes: ['REGI', 'TRAN'], frequency: 'ANNUAL', issued: '2020-07-01', modified: '2025-03-01',
    temporal: [{ start: '2025-01-01' }], spatial: [PLACES.sweden],
    distributions: [
      linkDist({
        title: ['Topografi 50 (GML)', 'Topography 50 (GML)'], accessUrl: `${LM}/sv/geodata/vara-produkter/produktlista/topografi-50-nedladdning-vektor/`,
        downloadUrl: 'https://download.lantmateriet.se/topografi50/topografi50-gml.zip', format: 'ZIP', mediaType: 'application/zip', licence: 'CC0',
      }),
    ],
  }),
];

export const systembolagetDatasets: DemoDataset[] = [
  dataset({
    n: 52, slug: 'alkoholforsaljning-per-lan', org: 'systembolaget',
    title: ['Försäljning av alkoholdrycker per län', 'Sales of alcoholic beverages by county'],
    description: [
      'Systembolagets försäljning per län, år och varugrupp i liter, liter ren alkohol och liter per invånare 15 år och äldre. Försäljningen till restauranger ingår inte.',
      "Systembolaget's sales by county, year and product group, in litres, litres of pure alcohol and litres per inhabitant aged 15 and over.",
    ],
    keywords: [['alkohol', 'försäljning', 'län', 'folkhälsa'], ['alcohol', 'sales', 'counties', 'public health']],
    themes: ['HEAL', 'ECON'], frequency: 'ANNUAL', issued: '2021-03-15', modified: '2025-02-20',
    temporal: [{ start: '2020-01-01', end: '2024-12-31' }], spatial: [PLACES.sweden],
    distributions: [fileDist(csvFile('forsaljning-per-lan.csv', t.alkoholforsaljningPerLan, ';'), { title: ['Försäljning per län (CSV)', 'Sales by county (CSV)'], licence: 'CC_BY' })],
  }),
  dataset({
    n: 53, slug: 'butiker-och-ombud', org: 'systembolaget',
    title: ['Butiker och ombud'],
    description: ['Systembolagets butiker och ombud med adress, kommun, län, koordinater och ordinarie öppettider på vardagar och lördagar.'],
    keywords: [['butiker', 'ombud', 'öppettider', 'adresser']],
    themes: ['ECON', 'REGI'], frequency: 'WEEKLY', issued: '2019-10-01', modified: '2025-11-24',
    temporal: [{ start: '2025-11-24' }], spatial: [PLACES.sweden], landingPage: `${SB}/butiker-ombud/`,
    distributions: [fileDist(csvFile('butiker-och-ombud.csv', t.systembolagetButiker), { title: ['Butiker och ombud (CSV)'], licence: 'CC0' })],
  }),
  dataset({
    n: 54, slug: 'sortiment', org: 'systembolaget',
    title: ['Sortimentet', 'The product range'],
    description: [
      'Artiklar i Systembolagets ordinarie sortiment med varugrupp, typ, land, volym, alkoholhalt, pris och lanseringsdatum. Får användas enligt Systembolagets villkor för data, som inte tillåter marknadsföring av alkoholdrycker.',
      "Products in Systembolaget's range. Use is governed by Systembolaget's own data terms, which forbid marketing alcoholic beverages.",
    ],
    keywords: [['sortiment', 'artiklar', 'priser'], ['products', 'prices']],
    themes: ['ECON'], frequency: 'DAILY', issued: '2022-04-01', modified: '2025-11-27',
    temporal: [{ start: '2025-11-27' }], spatial: [PLACES.sweden], documentation: [`${SB}/villkor-data`],
    distributions: [
      fileDist(jsonFile('sortiment.json', t.systembolagetSortiment), {
        title: ['Sortimentet (JSON)', 'Product range (JSON)'], licence: 'SYSTEMBOLAGET',
        rights: ['Användning för marknadsföring av alkoholdrycker är inte tillåten.', 'Use for marketing alcoholic beverages is not permitted.'],
      }),
    ],
  }),
  dataset({
    n: 55, slug: 'forsaljning-per-vecka', org: 'systembolaget', publish: false,
    title: ['Försäljning per vecka och varugrupp (pilot)'],
    description: ['Försäljningsvolym i liter per vecka och varugrupp. Pilot: uppgifterna stäms av mot årsredovisningen innan datamängden publiceras.'],
    keywords: [['försäljning', 'veckostatistik']],
    themes: ['ECON', 'HEAL'], frequency: 'WEEKLY', issued: '2025-12-01',
    temporal: [{ start: '2025-01-01', end: '2025-12-31' }], spatial: [PLACES.sweden],
    distributions: [fileDist(csvFile('forsaljning-per-vecka-2025.csv', t.forsaljningPerVecka), { title: ['Försäljning per vecka (CSV)'], licence: 'CC_BY', status: 'DEVELOP', availability: 'TEMPORARY' })],
  }),
];
