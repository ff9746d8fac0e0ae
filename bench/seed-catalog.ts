// A catalog of N datasets (default 100,000) for the catalog benchmark: a fresh data dir, the real
// migrations (`allmanning migrate`), then ~150 organisations and the datasets with their
// distributions, revisions and activity, written straight into SQLite with better-sqlite3 —
// prepared statements in transactions of 5,000 datasets: 100,000 take ≈ 58 s of CPU (roughly half
// generating, half SQLite writing 1.2 GB; see docs/performance.md).
//
// The rows have exactly the shape the application writes: each metadata document goes through the
// app's own field normaliser (catalog.fields.ts: vocabulary IRIs, canonical licence IRIs, key
// order), sort keys through swedish-sort.ts, slugs through the app's slugify with its "-2, -3 …"
// rule, and every dataset has revision 1 ('created') with its snapshot and field-level diff, as
// the resource engine writes them. Texts are Swedish (and for most datasets English) built from a
// vocabulary with Zipf-like frequencies; names of organisations are real, their organisation
// numbers generated (valid check digits, not the real numbers). Deterministic for a given N.
//
//   npx tsx bench/seed-catalog.ts [dataDir]      (BENCH_DATASETS, default 100000)
//
// prints a JSON summary on stdout and leaves the data dir for `allmanning serve`, with
// bench-sample.json: the summary, 1,000 published public slugs in random order and a few drafts,
// private and HVD ones (BENCH_CATALOG_DATA_DIR=dir makes bench/catalog.ts measure it again).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import SQLite from 'better-sqlite3';
import { uuidv7 } from 'uuidv7';
import { KOMMUNER, LAN, LARGE_POPULATIONS } from '../src/domains/catalog/demo/demo-words.js';
import { applyFields, datasetFields, distributionFields, type Problems } from '../src/domains/catalog/catalog.fields.js';
import { emptyDatasetMetadata, emptyDistributionMetadata, HVD_LEGISLATION_IRI, type DatasetMetadata, type DistributionMetadata } from '../src/domains/catalog/catalog.model.js';
import { slugify } from '../src/domains/catalog/resource.engine.js';
import { diffSnapshots, type ResourceSnapshot } from '../src/domains/catalog/revision-diff.js';
import { concepts, iriForCode } from '../src/domains/catalog/vocabularies/index.js';
import { searchTextOf } from '../src/domains/organizations/organization.repository.js';
import type { OrganizationType } from '../src/domains/organizations/organizations.table.js';
import { swedishSortKey } from '../src/platform/swedish-sort.js';
import { log, round, runCli } from './harness.js';

export const SQLITE_FILE = 'allmanning.db';
export const SAMPLE_FILE = 'bench-sample.json';
const SAMPLE_SIZE = 1000;
const BATCH = 5000;
/** "Now" for the generated catalog: every date lies before it. */
const NOW = Date.parse('2026-11-27T12:00:00.000Z');

// ---------------------------------------------------------------------------------------------
// Randomness: a seeded PRNG and a Zipf-like sampler (weight of rank r ∝ 1 / r^s).

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

let random = mulberry32(20261128);
const int = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));
const chance = (p: number) => random() < p;
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;

class Zipf<T> {
  private readonly cumulative: number[] = [];
  constructor(
    readonly items: readonly T[],
    s = 1,
  ) {
    if (items.length === 0) throw new Error('Zipf over nothing');
    let sum = 0;
    for (let r = 1; r <= items.length; r++) this.cumulative.push((sum += 1 / r ** s));
  }
  next(): T {
    const x = random() * this.cumulative[this.cumulative.length - 1]!;
    let lo = 0;
    let hi = this.cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.cumulative[mid]! < x) lo = mid + 1;
      else hi = mid;
    }
    return this.items[lo]!;
  }
  /** `n` different items (fewer when there are not that many). */
  some(n: number): T[] {
    const out = new Set<T>();
    for (let tries = 0; out.size < Math.min(n, this.items.length) && tries < n * 20; tries++) out.add(this.next());
    return [...out];
  }
}

// ---------------------------------------------------------------------------------------------
// Vocabulary.

type Theme = 'AGRI' | 'ECON' | 'EDUC' | 'ENER' | 'ENVI' | 'GOVE' | 'HEAL' | 'INTR' | 'JUST' | 'REGI' | 'SOCI' | 'TECH' | 'TRAN';
/** t: tables, g: geodata, d: documents, r: frequently updated feeds (JSON/XML). */
type DataKind = 't' | 'g' | 'd' | 'r';
type HvdCategory = 'Geospatial' | 'Earth observation and environment' | 'Meteorological' | 'Statistics' | 'Companies and company ownership' | 'Mobility';

interface Subject {
  sv: string;
  en: string;
  kwSv: string[];
  kwEn: string[];
  themes: Theme[];
  /** Who publishes it: k kommun, r region, m state agency or company (filtered by its themes). */
  scopes: string;
  kind: DataKind;
  frequency: string;
  hvd?: HvdCategory;
}

// [sv, en, keywords sv, keywords en, themes, scopes, kind, frequency, HVD category]; the order is
// the popularity rank within each kind of publisher (Zipf).
const SUBJECTS: Subject[] = (
  [
    ['luftkvalitet', 'air quality', 'luftkvalitet|partiklar|kvävedioxid', 'air quality|particulate matter', 'ENVI|HEAL', 'kmr', 't', 'HOURLY', 'Earth observation and environment'],
    ['befolkning', 'population', 'befolkning|folkmängd|demografi', 'population|demography', 'SOCI|REGI', 'kmr', 't', 'ANNUAL', 'Statistics'],
    ['leverantörsfakturor', 'supplier invoices', 'leverantörsfakturor|inköp|ekonomi', 'invoices|purchasing', 'GOVE|ECON', 'kr', 't', 'MONTHLY'],
    ['förskolor', 'preschools', 'förskola|barnomsorg', 'preschools|childcare', 'EDUC', 'k', 'g', 'ANNUAL'],
    ['badplatser', 'bathing sites', 'badplatser|badvatten|friluftsliv', 'bathing sites|bathing water', 'ENVI|HEAL', 'k', 'g', 'ANNUAL'],
    ['grundskolor', 'compulsory schools', 'skola|grundskola|elever', 'schools|pupils', 'EDUC', 'k', 'g', 'ANNUAL'],
    ['bygglov', 'building permits', 'bygglov|byggande|plan- och bygglagen', 'building permits|construction', 'GOVE|REGI', 'k', 't', 'MONTHLY'],
    ['trafikmätningar', 'traffic counts', 'trafik|trafikflöden|fordon', 'traffic|traffic flows', 'TRAN', 'km', 't', 'DAILY'],
    ['detaljplaner', 'detailed development plans', 'detaljplan|planering|markanvändning', 'zoning|land use', 'REGI|GOVE', 'k', 'g', 'IRREG'],
    ['parkeringsplatser', 'parking spaces', 'parkering|trafik', 'parking|traffic', 'TRAN', 'k', 'g', 'MONTHLY'],
    ['laddplatser för elbilar', 'charging points for electric cars', 'laddplatser|elbilar|laddinfrastruktur', 'charging points|electric vehicles', 'TRAN|ENER', 'kmr', 'g', 'MONTHLY', 'Mobility'],
    ['återvinningsstationer', 'recycling stations', 'återvinning|avfall|förpackningar', 'recycling|waste', 'ENVI', 'k', 'g', 'ANNUAL'],
    ['nämndbeslut', 'committee decisions', 'protokoll|beslut|nämnder', 'minutes|decisions', 'GOVE', 'kr', 'd', 'MONTHLY'],
    ['lekplatser', 'playgrounds', 'lekplatser|barn|parker', 'playgrounds|parks', 'SOCI', 'k', 'g', 'ANNUAL'],
    ['cykelvägar', 'cycle paths', 'cykel|cykelvägar|gång- och cykelväg', 'cycling|cycle paths', 'TRAN', 'kr', 'g', 'ANNUAL', 'Mobility'],
    ['vägarbeten', 'road works', 'vägarbeten|trafikstörningar', 'road works|traffic disruptions', 'TRAN', 'km', 'r', 'DAILY'],
    ['gatubelysning', 'street lighting', 'belysning|gatubelysning|energi', 'street lighting|energy', 'ENER|TRAN', 'k', 'g', 'ANNUAL'],
    ['träd i gatumiljö', 'street trees', 'träd|grönska|stadsmiljö', 'trees|urban greenery', 'ENVI', 'k', 'g', 'ANNUAL'],
    ['bullerkartläggning', 'noise mapping', 'buller|trafikbuller|miljö', 'noise|environment', 'ENVI|HEAL', 'km', 'g', 'QUINQUENNIAL', 'Earth observation and environment'],
    ['befolkningsprognos', 'population forecast', 'prognos|befolkning|planering', 'forecast|population', 'SOCI|REGI', 'kr', 't', 'ANNUAL'],
    ['valresultat', 'election results', 'val|valresultat|valdeltagande', 'elections|turnout', 'GOVE', 'km', 't', 'QUADRENNIAL'],
    ['kommunala fastigheter', 'municipal properties', 'fastigheter|lokaler', 'properties|premises', 'GOVE|ECON', 'kr', 't', 'ANNUAL'],
    ['föreningsbidrag', 'grants to associations', 'bidrag|föreningar|civilsamhälle', 'grants|associations', 'ECON|SOCI', 'kr', 't', 'ANNUAL'],
    ['dricksvattenkvalitet', 'drinking water quality', 'dricksvatten|vattenprover', 'drinking water|water samples', 'HEAL|ENVI', 'k', 't', 'MONTHLY'],
    ['energiförbrukning i egna byggnader', 'energy use in own buildings', 'energi|elförbrukning|fjärrvärme', 'energy|electricity use', 'ENER', 'kr', 't', 'MONTHLY'],
    ['offentliga toaletter', 'public toilets', 'toaletter|tillgänglighet', 'toilets|accessibility', 'HEAL|SOCI', 'k', 'g', 'ANNUAL'],
    ['bibliotek', 'libraries', 'bibliotek|utlåning|kultur', 'libraries|loans', 'EDUC', 'k', 'g', 'ANNUAL'],
    ['snöröjning', 'snow clearance', 'snöröjning|halkbekämpning|vinterväghållning', 'snow clearance|winter maintenance', 'TRAN', 'k', 'r', 'DAILY'],
    ['medborgarförslag', 'citizen proposals', 'medborgarförslag|e-förslag|demokrati', 'citizen proposals|democracy', 'GOVE', 'k', 't', 'MONTHLY'],
    ['livsmedelskontroller', 'food inspections', 'livsmedel|kontroll|restauranger', 'food|inspections', 'HEAL|AGRI', 'km', 't', 'MONTHLY'],
    ['vattenkvalitet i sjöar och vattendrag', 'water quality in lakes and streams', 'vattenkvalitet|sjöar|miljöövervakning', 'water quality|lakes', 'ENVI', 'kmr', 't', 'MONTHLY', 'Earth observation and environment'],
    ['naturreservat', 'nature reserves', 'naturreservat|skyddad natur|friluftsliv', 'nature reserves|protected areas', 'ENVI', 'kmr', 'g', 'IRREG', 'Earth observation and environment'],
    ['adresser', 'addresses', 'adresser|belägenhetsadresser', 'addresses', 'REGI', 'km', 'g', 'DAILY', 'Geospatial'],
    ['turism och gästnätter', 'tourism and guest nights', 'turism|gästnätter|besöksnäring', 'tourism|guest nights', 'ECON|REGI', 'krm', 't', 'MONTHLY'],
    ['offentlig upphandling', 'public procurement', 'upphandling|avtal|leverantörer', 'procurement|contracts', 'GOVE|ECON', 'kmr', 't', 'MONTHLY'],
    ['sjukfrånvaro bland anställda', 'sickness absence among employees', 'sjukfrånvaro|personal|arbetsmiljö', 'sickness absence|staff', 'SOCI|HEAL', 'kmr', 't', 'MONTHLY'],
    ['räddningsinsatser', 'rescue operations', 'räddningstjänst|bränder|olyckor', 'rescue services|fires', 'JUST|HEAL', 'km', 't', 'MONTHLY'],
    ['förorenade områden', 'contaminated sites', 'föroreningar|mark|sanering', 'contamination|remediation', 'ENVI', 'km', 'g', 'IRREG'],
    ['strandskydd', 'shoreline protection', 'strandskydd|kust|sjöar', 'shoreline protection|coast', 'ENVI|REGI', 'km', 'g', 'IRREG'],
    ['bostadsbyggande', 'housing construction', 'bostäder|nybyggnation', 'housing|new construction', 'REGI|ECON', 'km', 't', 'QUARTERLY', 'Statistics'],
    ['arkivförteckningar', 'archive inventories', 'arkiv|handlingar|diarium', 'archives|records', 'EDUC|GOVE', 'kmr', 'd', 'IRREG'],
    ['skolresultat', 'school results', 'betyg|skolresultat|nationella prov', 'grades|national tests', 'EDUC', 'km', 't', 'ANNUAL', 'Statistics'],
    ['skatteintäkter', 'tax revenue', 'skatt|kommunalskatt|intäkter', 'tax|revenue', 'ECON|GOVE', 'km', 't', 'ANNUAL'],
    ['kollektivtrafikens hållplatser', 'public transport stops', 'hållplatser|kollektivtrafik|buss', 'stops|public transport', 'TRAN', 'rk', 'g', 'WEEKLY', 'Mobility'],
    ['kollektivtrafikens tidtabeller', 'public transport timetables', 'tidtabeller|GTFS|kollektivtrafik', 'timetables|GTFS|public transport', 'TRAN', 'r', 'r', 'DAILY', 'Mobility'],
    ['resandestatistik', 'ridership statistics', 'resande|kollektivtrafik|påstigningar', 'ridership|boardings', 'TRAN', 'r', 't', 'MONTHLY'],
    ['väntetider i vården', 'waiting times in healthcare', 'väntetider|vårdgaranti|sjukvård', 'waiting times|healthcare', 'HEAL', 'r', 't', 'MONTHLY'],
    ['vårdcentraler', 'health centres', 'vårdcentraler|primärvård', 'health centres|primary care', 'HEAL', 'r', 'g', 'MONTHLY'],
    ['tandvårdsmottagningar', 'dental clinics', 'tandvård|mottagningar', 'dental care|clinics', 'HEAL', 'r', 'g', 'ANNUAL'],
    ['sjukhusens beläggning', 'hospital bed occupancy', 'vårdplatser|beläggning|sjukhus', 'hospital beds|occupancy', 'HEAL', 'r', 't', 'DAILY'],
    ['vaccinationer', 'vaccinations', 'vaccination|smittskydd', 'vaccination|infection control', 'HEAL', 'rm', 't', 'WEEKLY'],
    ['regionala utvecklingsmedel', 'regional development funds', 'regional utveckling|projektstöd', 'regional development|project funding', 'ECON|REGI', 'r', 't', 'ANNUAL'],
    ['kulturstöd', 'cultural grants', 'kultur|bidrag|kulturverksamhet', 'culture|grants', 'EDUC', 'rm', 't', 'ANNUAL'],
    ['folkhälsoenkät', 'public health survey', 'folkhälsa|enkät|levnadsvanor', 'public health|survey|lifestyle', 'HEAL|SOCI', 'rm', 't', 'BIENNIAL'],
    ['byggnader', 'buildings', 'byggnader|fastigheter|geodata', 'buildings|geodata', 'REGI', 'm', 'g', 'DAILY', 'Geospatial'],
    ['fastighetsindelning', 'property boundaries', 'fastigheter|fastighetsgränser|registerkarta', 'property boundaries|cadastre', 'REGI', 'm', 'g', 'DAILY', 'Geospatial'],
    ['höjddata', 'elevation data', 'höjdmodell|laserskanning|terräng', 'elevation model|lidar', 'REGI|ENVI', 'm', 'g', 'IRREG', 'Geospatial'],
    ['ortofoton', 'orthophotos', 'flygbilder|ortofoto', 'aerial imagery|orthophotos', 'REGI', 'mk', 'g', 'ANNUAL', 'Geospatial'],
    ['meteorologiska observationer', 'meteorological observations', 'väder|temperatur|vind', 'weather|temperature|wind', 'ENVI', 'm', 'r', 'HOURLY', 'Meteorological'],
    ['nederbörd', 'precipitation', 'nederbörd|regn|snö', 'precipitation|rain|snow', 'ENVI', 'm', 't', 'DAILY', 'Meteorological'],
    ['vattenstånd', 'water levels', 'vattenstånd|havsnivå|hydrologi', 'water levels|sea level|hydrology', 'ENVI', 'm', 'r', 'HOURLY', 'Meteorological'],
    ['havstemperatur', 'sea temperature', 'hav|temperatur|oceanografi', 'sea|temperature|oceanography', 'ENVI', 'm', 't', 'DAILY', 'Earth observation and environment'],
    ['grundvattennivåer', 'groundwater levels', 'grundvatten|brunnar|hydrogeologi', 'groundwater|hydrogeology', 'ENVI', 'm', 't', 'MONTHLY', 'Earth observation and environment'],
    ['brunnar', 'wells', 'brunnar|dricksvatten|geologi', 'wells|geology', 'ENVI', 'm', 'g', 'MONTHLY'],
    ['geologiska kartor', 'geological maps', 'berggrund|jordarter|geologi', 'bedrock|soil types|geology', 'ENVI|REGI', 'm', 'g', 'IRREG', 'Geospatial'],
    ['avverkningsanmälningar', 'felling notifications', 'skog|avverkning|skogsbruk', 'forest|felling|forestry', 'AGRI|ENVI', 'm', 'g', 'WEEKLY'],
    ['skogsbruksplaner', 'forest management plans', 'skog|skogsbruksplan', 'forest|management plan', 'AGRI', 'm', 'g', 'IRREG'],
    ['jordbruksblock', 'agricultural parcels', 'jordbruk|åkermark|blockdatabasen', 'agriculture|arable land', 'AGRI', 'm', 'g', 'ANNUAL'],
    ['skördestatistik', 'harvest statistics', 'skörd|spannmål|jordbruk', 'harvest|cereals|agriculture', 'AGRI', 'm', 't', 'ANNUAL', 'Statistics'],
    ['utsläpp till luft', 'emissions to air', 'utsläpp|växthusgaser|klimat', 'emissions|greenhouse gases|climate', 'ENVI', 'm', 't', 'ANNUAL', 'Earth observation and environment'],
    ['trafikolyckor', 'road traffic accidents', 'trafikolyckor|trafiksäkerhet', 'road accidents|road safety', 'TRAN|JUST', 'm', 't', 'MONTHLY'],
    ['vägnät', 'road network', 'vägar|vägnät|NVDB', 'roads|road network', 'TRAN', 'm', 'g', 'DAILY', 'Mobility'],
    ['hastighetsgränser', 'speed limits', 'hastighet|vägar|föreskrifter', 'speed limits|roads', 'TRAN', 'm', 'g', 'DAILY', 'Mobility'],
    ['tågförseningar', 'train delays', 'tåg|förseningar|punktlighet', 'trains|delays|punctuality', 'TRAN', 'm', 't', 'DAILY'],
    ['fordon i trafik', 'vehicles in use', 'fordon|bilar|fordonsregister', 'vehicles|cars', 'TRAN', 'm', 't', 'MONTHLY', 'Statistics'],
    ['fartygstrafik', 'shipping traffic', 'sjöfart|fartyg|hamnar', 'shipping|vessels|ports', 'TRAN', 'm', 't', 'MONTHLY'],
    ['flygtrafik', 'air traffic', 'flyg|passagerare|flygplatser', 'aviation|passengers|airports', 'TRAN', 'm', 't', 'MONTHLY'],
    ['aktiebolag', 'limited companies', 'företag|aktiebolag|näringsliv', 'companies|business', 'ECON', 'm', 't', 'DAILY', 'Companies and company ownership'],
    ['konkurser', 'bankruptcies', 'konkurser|företag', 'bankruptcies|companies', 'ECON', 'm', 't', 'MONTHLY', 'Statistics'],
    ['statsbudgetens utfall', 'state budget outturn', 'statsbudget|utgifter|inkomster', 'state budget|expenditure', 'ECON|GOVE', 'm', 't', 'MONTHLY'],
    ['arbetslöshet', 'unemployment', 'arbetslöshet|arbetsmarknad', 'unemployment|labour market', 'ECON|SOCI', 'm', 't', 'MONTHLY', 'Statistics'],
    ['lediga jobb', 'job vacancies', 'platsannonser|lediga jobb', 'job ads|vacancies', 'ECON|SOCI', 'm', 'r', 'DAILY'],
    ['pensioner', 'pensions', 'pension|ålderspension', 'pensions|old-age pension', 'SOCI|ECON', 'm', 't', 'ANNUAL'],
    ['bostadsbidrag', 'housing allowance', 'bostadsbidrag|ersättningar', 'housing allowance|benefits', 'SOCI', 'm', 't', 'MONTHLY'],
    ['föräldrapenning', 'parental benefit', 'föräldrapenning|föräldraledighet', 'parental benefit|parental leave', 'SOCI', 'm', 't', 'MONTHLY'],
    ['födda och döda', 'births and deaths', 'födda|döda|befolkningsförändringar', 'births|deaths', 'SOCI|HEAL', 'm', 't', 'MONTHLY', 'Statistics'],
    ['inkomster', 'incomes', 'inkomster|hushåll|ekonomi', 'incomes|households', 'ECON|SOCI', 'm', 't', 'ANNUAL', 'Statistics'],
    ['elproduktion', 'electricity production', 'el|elproduktion|vindkraft', 'electricity|wind power', 'ENER', 'm', 't', 'HOURLY'],
    ['elpriser', 'electricity prices', 'elpris|elmarknad', 'electricity prices|power market', 'ENER|ECON', 'm', 't', 'HOURLY'],
    ['energistatistik', 'energy statistics', 'energi|energianvändning', 'energy|energy use', 'ENER', 'm', 't', 'ANNUAL', 'Statistics'],
    ['anmälda brott', 'reported offences', 'brott|anmälningar|kriminalstatistik', 'crime|crime statistics', 'JUST', 'm', 't', 'MONTHLY'],
    ['domstolsavgöranden', 'court decisions', 'domar|rättspraxis|domstolar', 'judgments|case law', 'JUST', 'm', 'd', 'DAILY'],
    ['författningar', 'statutes and regulations', 'föreskrifter|författningssamling', 'regulations|statute book', 'GOVE|JUST', 'm', 'd', 'IRREG'],
    ['diarium', 'registry of documents', 'diarium|allmänna handlingar|offentlighetsprincipen', 'registry|public documents', 'GOVE', 'mr', 't', 'DAILY'],
    ['läkemedelsförsäljning', 'sales of medicines', 'läkemedel|apotek|försäljning', 'medicines|pharmacies|sales', 'HEAL', 'm', 't', 'MONTHLY'],
    ['anmälningspliktiga sjukdomar', 'notifiable diseases', 'smittskydd|sjukdomar|epidemiologi', 'infectious diseases|epidemiology', 'HEAL', 'm', 't', 'WEEKLY'],
    ['antagning till högskolan', 'admissions to higher education', 'högskola|antagning|sökande', 'higher education|admissions', 'EDUC', 'm', 't', 'ANNUAL'],
    ['museisamlingar', 'museum collections', 'museer|samlingar|kulturarv', 'museums|collections|cultural heritage', 'EDUC', 'mr', 't', 'IRREG'],
    ['fornlämningar', 'ancient monuments', 'fornlämningar|kulturmiljö', 'ancient monuments|heritage', 'EDUC', 'm', 'g', 'DAILY'],
    ['forskningsbidrag', 'research grants', 'forskning|bidrag|finansiering', 'research|grants|funding', 'TECH|EDUC', 'm', 't', 'ANNUAL'],
    ['bredbandstäckning', 'broadband coverage', 'bredband|fiber|digital infrastruktur', 'broadband|fibre', 'TECH|REGI', 'mk', 'g', 'ANNUAL'],
    ['mobiltäckning', 'mobile coverage', 'mobilnät|täckning', 'mobile networks|coverage', 'TECH', 'm', 'g', 'ANNUAL'],
    ['patentansökningar', 'patent applications', 'patent|immateriella rättigheter', 'patents|intellectual property', 'TECH|ECON', 'm', 't', 'MONTHLY'],
    ['utrikeshandel', 'foreign trade', 'export|import|handel', 'exports|imports|trade', 'ECON|INTR', 'm', 't', 'MONTHLY', 'Statistics'],
    ['utvecklingsbistånd', 'development aid', 'bistånd|utvecklingssamarbete', 'aid|development cooperation', 'INTR|ECON', 'm', 't', 'QUARTERLY'],
    ['hyror', 'rents', 'hyror|hyresrätter|bostadsmarknad', 'rents|rental housing', 'ECON|SOCI', 'm', 't', 'ANNUAL'],
    ['kemikalier i varor', 'chemicals in products', 'kemikalier|produktregister', 'chemicals|product register', 'ENVI|HEAL', 'm', 't', 'ANNUAL'],
    ['alkoholförsäljning', 'alcohol sales', 'alkohol|försäljning|folkhälsa', 'alcohol|sales|public health', 'HEAL|ECON', 'm', 't', 'MONTHLY'],
    ['sortiment', 'product range', 'sortiment|produkter|priser', 'products|prices', 'ECON', 'm', 'r', 'DAILY'],
  ] as const
).map(([sv, en, kwSv, kwEn, themes, scopes, kind, frequency, hvd]) => ({
  sv,
  en,
  kwSv: kwSv.split('|'),
  kwEn: kwEn.split('|'),
  themes: themes.split('|') as Theme[],
  scopes,
  kind: kind as DataKind,
  frequency,
  ...(hvd ? { hvd: hvd as HvdCategory } : {}),
}));

/** "Statistik över …" — how a title frames its subject: [sv, en, for data of these kinds, and subjects of these themes ('' any)]. */
const FRAMES: [string, string, string, string][] = [
  ['{S}', '{S}', 'tgdr', ''],
  ['Statistik över {s}', 'Statistics on {s}', 't', ''],
  ['Förteckning över {s}', 'List of {s}', 'tgd', ''],
  ['Nyckeltal för {s}', 'Key figures for {s}', 't', ''],
  ['Karta över {s}', 'Map of {s}', 'g', ''],
  ['Uppföljning av {s}', 'Monitoring of {s}', 'td', ''],
  ['Mätningar av {s}', 'Measurements of {s}', 'tr', 'ENVI|TRAN|ENER'],
  ['Register över {s}', 'Register of {s}', 'tg', ''],
  ['Prognos för {s}', 'Forecast of {s}', 't', 'SOCI|ECON|ENER|TRAN'],
  ['Sammanställning av {s}', 'Summary of {s}', 'td', ''],
];
const framesOf = new Map<Subject, Zipf<[string, string, string, string]>>();
function frameFor(subject: Subject): [string, string, string, string] {
  let zipf = framesOf.get(subject);
  if (!zipf) framesOf.set(subject, (zipf = new Zipf(FRAMES.filter(([, , kinds, themes]) => kinds.includes(subject.kind) && (!themes || subject.themes.some((t) => themes.includes(t)))))));
  return zipf.next();
}

/** Breakdowns: [sv, en, who uses it, for subjects of these themes ('' any)]. */
const BREAKDOWNS: [string, string, string, string][] = [
  ['per år', 'by year', 'kmr', ''],
  ['per månad', 'by month', 'kmr', ''],
  ['per kommun', 'by municipality', 'mr', ''],
  ['per stadsdel', 'by district', 'k', ''],
  ['per kön och ålder', 'by sex and age', 'kmr', 'SOCI|HEAL|EDUC|ECON'],
  ['per län', 'by county', 'm', ''],
  ['per verksamhet', 'by activity', 'kr', 'GOVE|ECON|ENER'],
  ['per kvartal', 'by quarter', 'kmr', ''],
  ['per mätstation', 'by monitoring station', 'kmr', 'ENVI|TRAN'],
  ['per postnummerområde', 'by postcode area', 'km', 'SOCI|ECON|TECH|REGI'],
  ['per vecka', 'by week', 'kmr', 'HEAL|TRAN|ENVI|ECON'],
  ['per skola', 'by school', 'k', 'EDUC'],
  ['per timme', 'by hour', 'm', 'ENVI|TRAN|ENER'],
];

const SOURCE_SENTENCES = new Zipf<[string, string]>([
  ['Uppgifterna hämtas ur verksamhetssystemet och granskas innan de publiceras.', 'The figures are taken from the operational system and checked before publication.'],
  ['Uppgifterna kommer från egna mätningar och inventeringar.', 'The data come from our own measurements and surveys.'],
  ['Underlaget är det register vi för enligt lag.', 'The source is the register we keep by law.'],
  ['Uppgifterna samlas in via enkäter till verksamheterna.', 'The data are collected through questionnaires to the services.'],
  ['Datamängden bygger på uppgifter från flera förvaltningar.', 'The dataset combines data from several departments.'],
  ['Mätvärdena kommer från automatiska mätstationer.', 'The values come from automatic monitoring stations.'],
  ['Underlaget har tagits fram tillsammans med Statistiska centralbyrån.', 'The data were produced together with Statistics Sweden.'],
  ['Uppgifterna lämnas till oss av kommunerna och sammanställs nationellt.', 'The municipalities report the data to us and we compile them nationally.'],
]);

const EXTRA_SENTENCES = new Zipf<[string, string]>([
  ['Kolumnerna beskrivs i dokumentationen.', 'The columns are described in the documentation.'],
  ['Personuppgifter har tagits bort eller aggregerats.', 'Personal data have been removed or aggregated.'],
  ['Koordinater anges i SWEREF 99 TM (EPSG:3006).', 'Coordinates are given in SWEREF 99 TM (EPSG:3006).'],
  ['Värden under fem redovisas inte av sekretesskäl.', 'Values below five are suppressed for confidentiality.'],
  ['Filerna är kodade i UTF-8 med semikolon som avgränsare.', 'The files are UTF-8 encoded with semicolons as separators.'],
  ['Äldre årgångar finns i arkivet på vår webbplats.', 'Earlier years are available in the archive on our website.'],
  ['Uppgifterna är preliminära tills årsredovisningen har fastställts.', 'The figures are provisional until the annual report is adopted.'],
  ['Beloppen anges i kronor exklusive moms.', 'Amounts are in Swedish kronor excluding VAT.'],
  ['Datamängden uppdaterades senast efter en omläggning av redovisningen.', 'The dataset was last revised after a change in accounting.'],
  ['Vid frågor om innehållet, kontakta oss via e-post.', 'For questions about the content, contact us by e-mail.'],
  ['Tidsserien är bruten år 2019 på grund av en ny indelning.', 'The time series has a break in 2019 because of a new classification.'],
  ['Mätosäkerheten är större för de minsta områdena.', 'The uncertainty is larger for the smallest areas.'],
  ['Ett API med samma uppgifter finns också.', 'An API with the same data is also available.'],
  ['Geometrierna är förenklade för visning i webbkartor.', 'The geometries are simplified for display in web maps.'],
  ['Uppgifterna omfattar även bolag som kommunen äger.', 'The figures also cover companies owned by the municipality.'],
]);

const UPDATE_PHRASES: Record<string, [string, string]> = {
  HOURLY: ['varje timme', 'every hour'],
  DAILY: ['varje dag', 'daily'],
  WEEKLY: ['varje vecka', 'weekly'],
  MONTHLY: ['varje månad', 'monthly'],
  QUARTERLY: ['varje kvartal', 'quarterly'],
  ANNUAL: ['en gång om året', 'once a year'],
  BIENNIAL: ['vartannat år', 'every two years'],
  QUADRENNIAL: ['vart fjärde år', 'every four years'],
  QUINQUENNIAL: ['vart femte år', 'every five years'],
  IRREG: ['vid behov', 'as needed'],
};

const GENERAL_KEYWORDS = new Zipf<[string, string]>([
  ['öppna data', 'open data'],
  ['statistik', 'statistics'],
  ['geodata', 'geodata'],
  ['kartor', 'maps'],
  ['miljö', 'environment'],
  ['planering', 'planning'],
  ['uppföljning', 'monitoring'],
  ['tidsserier', 'time series'],
  ['hållbarhet', 'sustainability'],
  ['tillgänglighet', 'accessibility'],
  ['digitalisering', 'digitalisation'],
  ['Agenda 2030', 'Agenda 2030'],
]);

interface Format {
  code: string;
  mediaType: string;
  ext: string;
  label: string;
}
const F = (code: string, mediaType: string, ext: string, label = code): Format => ({ code, mediaType, ext, label });
const FORMATS: Record<DataKind, Zipf<Format>> = {
  t: new Zipf([F('CSV', 'text/csv', 'csv'), F('XLSX', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'xlsx', 'Excel'), F('JSON', 'application/json', 'json'), F('ODS', 'application/vnd.oasis.opendocument.spreadsheet', 'ods'), F('TSV', 'text/tab-separated-values', 'tsv')]),
  g: new Zipf([F('GEOJSON', 'application/geo+json', 'geojson', 'GeoJSON'), F('SHP', 'application/zip', 'zip', 'Shape'), F('CSV', 'text/csv', 'csv'), F('WMS_SRVC', 'text/xml', 'xml', 'WMS'), F('ZIP', 'application/zip', 'zip')]),
  d: new Zipf([F('PDF', 'application/pdf', 'pdf'), F('HTML', 'text/html', 'html', 'webbsida'), F('XML', 'application/xml', 'xml'), F('JSON', 'application/json', 'json')]),
  r: new Zipf([F('JSON', 'application/json', 'json'), F('XML', 'application/xml', 'xml'), F('CSV', 'text/csv', 'csv'), F('ZIP', 'application/zip', 'zip')]),
};

const DIST_DESCRIPTIONS = new Zipf<[string, string]>([
  ['Hela datamängden i en fil.', 'The whole dataset in one file.'],
  ['Semikolonseparerad med decimalkomma, som Excel sparar den.', 'Semicolon-separated with decimal commas, as Excel saves it.'],
  ['Uppdateras automatiskt.', 'Updated automatically.'],
  ['Senaste årgången.', 'The latest year.'],
  ['Geometrier i SWEREF 99 TM.', 'Geometries in SWEREF 99 TM.'],
]);

const LICENCE_INPUTS = {
  cc0: 'http://creativecommons.org/publicdomain/zero/1.0/',
  ccBy: 'http://creativecommons.org/licenses/by/4.0/',
  ccBySa: 'https://creativecommons.org/licenses/by-sa/4.0/',
  pdm: 'https://creativecommons.org/publicdomain/mark/1.0/',
  ccByNc: 'https://creativecommons.org/licenses/by-nc/4.0/',
};
function licenceFor(hvd: boolean): string {
  const x = random();
  if (hvd) return x < 0.6 ? LICENCE_INPUTS.cc0 : LICENCE_INPUTS.ccBy;
  if (x < 0.56) return LICENCE_INPUTS.cc0;
  if (x < 0.93) return LICENCE_INPUTS.ccBy;
  if (x < 0.97) return LICENCE_INPUTS.ccBySa;
  if (x < 0.99) return LICENCE_INPUTS.pdm;
  return LICENCE_INPUTS.ccByNc;
}

// ---------------------------------------------------------------------------------------------
// Organisations: 21 regions, 44 state agencies, 5 state companies and 80 municipalities.

interface Org {
  id: string;
  slug: string;
  name_sv: string;
  name_en: string | null;
  org_number: string;
  type: OrganizationType;
  website: string;
  domain: string;
  description_sv: string | null;
  description_en: string | null;
  /** Where its data are about (sv, en) — '' for the whole country. */
  place: [string, string];
  scope: 'k' | 'r' | 'm';
  themes?: Theme[];
  subjects: Zipf<Subject>;
  breakdowns: [string, string, string, string][];
  contactUnits: string[];
  created_at: string;
}

const REGIONS: [string, string, string][] = [
  ['01', 'Region Stockholm', 'regionstockholm.se'],
  ['03', 'Region Uppsala', 'regionuppsala.se'],
  ['04', 'Region Sörmland', 'regionsormland.se'],
  ['05', 'Region Östergötland', 'regionostergotland.se'],
  ['06', 'Region Jönköpings län', 'rjl.se'],
  ['07', 'Region Kronoberg', 'regionkronoberg.se'],
  ['08', 'Region Kalmar län', 'regionkalmar.se'],
  ['09', 'Region Gotland', 'gotland.se'],
  ['10', 'Region Blekinge', 'regionblekinge.se'],
  ['12', 'Region Skåne', 'skane.se'],
  ['13', 'Region Halland', 'regionhalland.se'],
  ['14', 'Västra Götalandsregionen', 'vgregion.se'],
  ['17', 'Region Värmland', 'regionvarmland.se'],
  ['18', 'Region Örebro län', 'regionorebrolan.se'],
  ['19', 'Region Västmanland', 'regionvastmanland.se'],
  ['20', 'Region Dalarna', 'regiondalarna.se'],
  ['21', 'Region Gävleborg', 'regiongavleborg.se'],
  ['22', 'Region Västernorrland', 'rvn.se'],
  ['23', 'Region Jämtland Härjedalen', 'regionjh.se'],
  ['24', 'Region Västerbotten', 'regionvasterbotten.se'],
  ['25', 'Region Norrbotten', 'norrbotten.se'],
];

// [name sv, name en, domain, themes, type]
const AGENCIES: [string, string | null, string, string, OrganizationType?][] = [
  ['Trafikverket', 'Swedish Transport Administration', 'trafikverket.se', 'TRAN|ENVI|GOVE'],
  ['Statistiska centralbyrån', 'Statistics Sweden', 'scb.se', 'SOCI|ECON|REGI|EDUC|ENER|AGRI|GOVE'],
  ['Lantmäteriet', 'Lantmäteriet – the Swedish mapping, cadastral and land registration authority', 'lantmateriet.se', 'REGI'],
  ['Sveriges meteorologiska och hydrologiska institut', 'Swedish Meteorological and Hydrological Institute', 'smhi.se', 'ENVI'],
  ['Naturvårdsverket', 'Swedish Environmental Protection Agency', 'naturvardsverket.se', 'ENVI'],
  ['Myndigheten för digital förvaltning', 'Agency for Digital Government', 'digg.se', 'GOVE|TECH'],
  ['Skatteverket', 'Swedish Tax Agency', 'skatteverket.se', 'ECON|GOVE'],
  ['Bolagsverket', 'Swedish Companies Registration Office', 'bolagsverket.se', 'ECON'],
  ['Försäkringskassan', 'Swedish Social Insurance Agency', 'forsakringskassan.se', 'SOCI'],
  ['Arbetsförmedlingen', 'Swedish Public Employment Service', 'arbetsformedlingen.se', 'ECON|SOCI'],
  ['Skolverket', 'Swedish National Agency for Education', 'skolverket.se', 'EDUC'],
  ['Socialstyrelsen', 'National Board of Health and Welfare', 'socialstyrelsen.se', 'HEAL|SOCI'],
  ['Folkhälsomyndigheten', 'Public Health Agency of Sweden', 'folkhalsomyndigheten.se', 'HEAL'],
  ['Havs- och vattenmyndigheten', 'Swedish Agency for Marine and Water Management', 'havochvatten.se', 'ENVI'],
  ['Sveriges geologiska undersökning', 'Geological Survey of Sweden', 'sgu.se', 'ENVI|REGI'],
  ['Jordbruksverket', 'Swedish Board of Agriculture', 'jordbruksverket.se', 'AGRI'],
  ['Skogsstyrelsen', 'Swedish Forest Agency', 'skogsstyrelsen.se', 'AGRI|ENVI'],
  ['Boverket', 'National Board of Housing, Building and Planning', 'boverket.se', 'REGI|ECON'],
  ['Energimyndigheten', 'Swedish Energy Agency', 'energimyndigheten.se', 'ENER'],
  ['Transportstyrelsen', 'Swedish Transport Agency', 'transportstyrelsen.se', 'TRAN'],
  ['Sjöfartsverket', 'Swedish Maritime Administration', 'sjofartsverket.se', 'TRAN'],
  ['Trafikanalys', 'Transport Analysis', 'trafa.se', 'TRAN'],
  ['Pensionsmyndigheten', 'Swedish Pensions Agency', 'pensionsmyndigheten.se', 'SOCI|ECON'],
  ['Livsmedelsverket', 'Swedish Food Agency', 'livsmedelsverket.se', 'HEAL|AGRI'],
  ['Läkemedelsverket', 'Swedish Medical Products Agency', 'lakemedelsverket.se', 'HEAL'],
  ['E-hälsomyndigheten', 'Swedish eHealth Agency', 'ehalsomyndigheten.se', 'HEAL'],
  ['Universitets- och högskolerådet', 'Swedish Council for Higher Education', 'uhr.se', 'EDUC'],
  ['Polismyndigheten', 'Swedish Police Authority', 'polisen.se', 'JUST'],
  ['Brottsförebyggande rådet', 'Swedish National Council for Crime Prevention', 'bra.se', 'JUST'],
  ['Domstolsverket', 'Swedish National Courts Administration', 'domstol.se', 'JUST'],
  ['Riksarkivet', 'National Archives of Sweden', 'riksarkivet.se', 'EDUC|GOVE'],
  ['Kungliga biblioteket', 'National Library of Sweden', 'kb.se', 'EDUC'],
  ['Riksantikvarieämbetet', 'Swedish National Heritage Board', 'raa.se', 'EDUC'],
  ['Myndigheten för samhällsskydd och beredskap', 'Swedish Civil Contingencies Agency', 'msb.se', 'JUST|HEAL'],
  ['Upphandlingsmyndigheten', 'National Agency for Public Procurement', 'upphandlingsmyndigheten.se', 'GOVE|ECON'],
  ['Ekonomistyrningsverket', 'Swedish National Financial Management Authority', 'esv.se', 'ECON|GOVE'],
  ['Post- och telestyrelsen', 'Swedish Post and Telecom Authority', 'pts.se', 'TECH'],
  ['Vetenskapsrådet', 'Swedish Research Council', 'vr.se', 'TECH|EDUC'],
  ['Tillväxtverket', 'Swedish Agency for Economic and Regional Growth', 'tillvaxtverket.se', 'ECON|REGI'],
  ['Kemikalieinspektionen', 'Swedish Chemicals Agency', 'kemi.se', 'ENVI|HEAL'],
  ['Patent- och registreringsverket', 'Swedish Intellectual Property Office', 'prv.se', 'TECH|ECON'],
  ['Kommerskollegium', 'National Board of Trade Sweden', 'kommerskollegium.se', 'ECON|INTR'],
  ['Styrelsen för internationellt utvecklingssamarbete', 'Swedish International Development Cooperation Agency', 'sida.se', 'INTR'],
  ['Affärsverket svenska kraftnät', 'Svenska kraftnät', 'svk.se', 'ENER'],
  ['Systembolaget AB', null, 'systembolaget.se', 'HEAL|ECON', 'state_company'],
  ['SJ AB', 'SJ', 'sj.se', 'TRAN', 'state_company'],
  ['Swedavia AB', 'Swedavia Swedish Airports', 'swedavia.se', 'TRAN', 'state_company'],
  ['Vattenfall AB', 'Vattenfall', 'vattenfall.se', 'ENER', 'state_company'],
  ['Jernhusen AB', null, 'jernhusen.se', 'TRAN|ECON', 'state_company'],
];

const CITY_NAMES: Record<string, string> = {
  Stockholm: 'Stockholms stad',
  Göteborg: 'Göteborgs Stad',
  Malmö: 'Malmö stad',
  Västerås: 'Västerås stad',
  Helsingborg: 'Helsingborgs stad',
  Solna: 'Solna stad',
  Sundbyberg: 'Sundbybergs stad',
  Borås: 'Borås Stad',
  Falun: 'Falu kommun',
};

function kommunName(name: string): string {
  if (CITY_NAMES[name]) return CITY_NAMES[name]!;
  return /[aeiouyåäösxz]$/i.test(name) ? `${name} kommun` : `${name}s kommun`;
}

const countyEn = (lan: string) => `${lan.replace(/ län$/, '').replace(/s$/, '')} County`;

/** Ten digits with a valid Luhn check digit, starting with `prefix` (unique within the run). */
const usedOrgNumbers = new Set<string>();
function orgNumber(prefix: string): string {
  for (;;) {
    let digits = prefix;
    while (digits.length < 9) digits += String(int(0, 9));
    let sum = 0;
    for (let i = 0; i < 9; i++) {
      let v = Number(digits[i]) * (i % 2 === 0 ? 2 : 1);
      if (v > 9) v -= 9;
      sum += v;
    }
    const full = digits + String((10 - (sum % 10)) % 10);
    if (!usedOrgNumbers.has(full)) {
      usedOrgNumbers.add(full);
      return full;
    }
  }
}

const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const dayMs = 86_400_000;

function subjectsFor(scope: 'k' | 'r' | 'm', themes?: Theme[]): Zipf<Subject> {
  const list = SUBJECTS.filter((s) => s.scopes.includes(scope) && (!themes || s.themes.some((t) => themes.includes(t))));
  return new Zipf(list.length ? list : SUBJECTS.filter((s) => s.scopes.includes(scope)), 0.9);
}

function makeOrganizations(municipalities: number): Org[] {
  const orgs: Org[] = [];
  const base = (scope: 'k' | 'r' | 'm', themes?: Theme[]) => ({
    id: uuidv7(),
    scope,
    subjects: subjectsFor(scope, themes),
    breakdowns: BREAKDOWNS.filter((b) => b[2].includes(scope)),
    created_at: new Date(Date.parse('2026-11-28T08:00:00.000Z') + orgs.length * 60_000).toISOString(),
  });
  for (const [lanCode, name, domain] of REGIONS) {
    const lan = LAN.find((l) => l.code === lanCode)!.name;
    orgs.push({
      ...base('r'),
      slug: slugify(name),
      name_sv: name,
      name_en: chance(0.5) ? `${countyEn(lan).replace(' County', '')} Region` : null,
      org_number: orgNumber('2321000'),
      type: 'region',
      website: `https://www.${domain}`,
      domain,
      description_sv: chance(0.7) ? `Hälso- och sjukvård, kollektivtrafik och regional utveckling i ${lan}.` : null,
      description_en: chance(0.3) ? `Healthcare, public transport and regional development in ${countyEn(lan)}.` : null,
      place: [`i ${lan}`, `in ${countyEn(lan)}`],
      contactUnits: ['öppna data', 'regional utveckling', 'hälso- och sjukvårdsförvaltningen', 'kollektivtrafikförvaltningen', 'analysenheten'],
    });
  }
  for (const [nameSv, nameEn, domain, themes, type] of AGENCIES) {
    const t = themes.split('|') as Theme[];
    orgs.push({
      ...base('m', t),
      slug: slugify(nameSv),
      name_sv: nameSv,
      name_en: nameEn,
      org_number: type === 'state_company' ? orgNumber('556') : orgNumber('2021'),
      type: type ?? 'state_agency',
      themes: t,
      website: `https://www.${domain}`,
      domain,
      description_sv: chance(0.6) ? `${nameSv} publicerar öppna data inom sitt ansvarsområde.` : null,
      description_en: nameEn && chance(0.4) ? `${nameEn} publishes open data within its remit.` : null,
      place: chance(0.5) ? ['i Sverige', 'in Sweden'] : ['', ''],
      contactUnits: ['öppna data', 'statistik och analys', 'geodata', 'kundtjänst', 'registratur'],
    });
  }
  // The largest municipalities first, then others drawn at random (Gotland is a region here).
  const large = Object.keys(LARGE_POPULATIONS);
  const candidates = KOMMUNER.filter((k) => k.code !== '0980');
  const chosen = [...candidates.filter((k) => large.includes(k.code)).sort((a, b) => LARGE_POPULATIONS[b.code]! - LARGE_POPULATIONS[a.code]!)];
  const rest = candidates.filter((k) => !large.includes(k.code));
  while (chosen.length < municipalities && rest.length) chosen.push(rest.splice(Math.floor(random() * rest.length), 1)[0]!);
  for (const k of chosen.slice(0, municipalities)) {
    const name = kommunName(k.name);
    const domain = `${slugify(k.name).replace(/-/g, '')}.se`;
    orgs.push({
      ...base('k'),
      slug: slugify(name),
      name_sv: name,
      name_en: chance(0.25) ? `${k.name} Municipality` : null,
      org_number: orgNumber('212000'),
      type: 'municipality',
      website: `https://www.${domain}`,
      domain,
      description_sv: chance(0.5) ? `Öppna data från ${name} om bland annat skola, miljö, trafik och stadsbyggnad.` : null,
      description_en: null,
      place: [`i ${k.name}`, `in ${k.name}`],
      contactUnits: ['öppna data', 'stadsbyggnadskontoret', 'miljöförvaltningen', 'GIS-enheten', 'kommunledningskontoret', 'utbildningsförvaltningen'],
    });
  }
  return orgs;
}

// ---------------------------------------------------------------------------------------------
// Datasets.

interface GeneratedDataset {
  id: string;
  slug: string;
  org: Org;
  status: 'draft' | 'published';
  visibility: 'public' | 'private';
  hvd: boolean;
  metadata: DatasetMetadata;
  distributions: { id: string; position: number; metadata: DistributionMetadata }[];
  createdAt: string;
  updatedAt: string;
  publishedAt: string | null;
}

const capitalise = (s: string) => s.charAt(0).toLocaleUpperCase('sv') + s.slice(1);

/** Runs an input through the app's normaliser; a problem means the seed writes something the app would not. */
function normalised<T extends object>(spec: Parameters<typeof applyFields<T>>[0], empty: T, input: Record<string, unknown>, what: string): T {
  const problems: Problems = {};
  const out = applyFields(spec, empty, input, problems);
  if (Object.keys(problems).length) throw new Error(`seed: ${what} would be refused by the app: ${JSON.stringify(problems)} in ${JSON.stringify(input)}`);
  return out;
}

const vocabIri = (scheme: Parameters<typeof iriForCode>[0], code: string) => {
  const iri = iriForCode(scheme, code);
  if (!iri) throw new Error(`seed: no ${code} in ${scheme}`);
  return iri;
};

function makeDataset(org: Org, takenSlugs: Set<string>, forceHvdCandidate: boolean): GeneratedDataset {
  const subject = org.subjects.next();
  const [frameSv, frameEn] = frameFor(subject);
  const subjectSv = frameSv === '{S}' ? capitalise(subject.sv) : frameSv.replace('{s}', subject.sv);
  const subjectEn = frameEn === '{S}' ? capitalise(subject.en) : frameEn.replace('{s}', subject.en);
  const fitting = org.breakdowns.filter((b) => !b[3] || subject.themes.some((t) => b[3].includes(t)));
  const breakdown = fitting.length && chance(0.45) ? pick(fitting) : undefined;
  const withPlace = org.place[0] !== '' && chance(0.7);
  const firstYear = int(2005, 2024);
  const lastYear = Math.min(2026, firstYear + int(0, 12));
  const yearStyle = random();
  const yearSv = yearStyle < 0.35 || (yearStyle < 0.5 && firstYear === lastYear) ? ` ${lastYear}` : yearStyle < 0.5 ? ` ${firstYear}–${lastYear}` : '';
  const titleSv = `${subjectSv}${withPlace ? ` ${org.place[0]}` : ''}${breakdown ? ` ${breakdown[0]}` : ''}${yearSv}`;
  const titleEn = `${subjectEn}${withPlace ? ` ${org.place[1]}` : ''}${breakdown ? ` ${breakdown[1]}` : ''}${yearSv}`;
  const english = chance(0.6);

  // The app's rule: the slug of the Swedish title, "-2", "-3" … when taken.
  const base = slugify(titleSv);
  let slug = base;
  for (let n = 2; takenSlugs.has(slug); n++) slug = n < 1000 ? `${base}-${n}` : `${base}-${uuidv7().slice(-8)}`;
  takenSlugs.add(slug);

  const frequency = chance(0.8) ? subject.frequency : pick(Object.keys(UPDATE_PHRASES));
  const update = UPDATE_PHRASES[frequency] ?? ['vid behov', 'as needed'];
  const sv: string[] = [`Datamängden innehåller uppgifter om ${subject.sv}${org.place[0] ? ` ${org.place[0]}` : ''}${breakdown ? `, redovisade ${breakdown[0]}` : ''}.`];
  const en: string[] = [`The dataset contains data on ${subject.en}${org.place[1] ? ` ${org.place[1]}` : ''}${breakdown ? `, ${breakdown[1]}` : ''}.`];
  const source = SOURCE_SENTENCES.next();
  sv.push(source[0], `Datamängden uppdateras ${update[0]}.`);
  en.push(source[1], `The dataset is updated ${update[1]}.`);
  if (chance(0.6)) {
    sv.push(firstYear === lastYear ? `Uppgifterna gäller år ${firstYear}.` : `Uppgifterna täcker perioden ${firstYear}–${lastYear}.`);
    en.push(firstYear === lastYear ? `The data are for ${firstYear}.` : `The data cover ${firstYear}–${lastYear}.`);
  }
  for (const [s, e] of EXTRA_SENTENCES.some(int(0, 3))) {
    sv.push(s);
    en.push(e);
  }

  const general = GENERAL_KEYWORDS.some(int(0, 2));
  const kwCount = int(2, subject.kwSv.length);
  const keywordsSv = [...subject.kwSv.slice(0, kwCount), ...general.map((g) => g[0]), ...(withPlace ? [org.place[0].replace(/^i /, '')] : [])];
  const keywordsEn = [...subject.kwEn.slice(0, Math.min(kwCount, subject.kwEn.length)), ...general.map((g) => g[1])];

  const themes = new Set<string>(subject.themes.slice(0, int(1, subject.themes.length)));
  if (themes.size < 3 && chance(0.15)) themes.add(pick(['GOVE', 'SOCI', 'REGI', 'ECON', 'ENVI']));

  const unit = pick(org.contactUnits);
  const issuedMs = Date.UTC(firstYear + 1, int(0, 11), int(1, 28));
  const issued = isoDay(Math.min(issuedMs, NOW - 30 * dayMs));
  const hvd = forceHvdCandidate && subject.hvd !== undefined;
  const hvdCategory = subject.hvd ? concepts('hvdCategory').find((c) => c.label.en === subject.hvd)?.iri : undefined;
  if (subject.hvd && !hvdCategory) throw new Error(`seed: no HVD category "${subject.hvd}"`);

  const input: Record<string, unknown> = {
    title: english ? { sv: titleSv, en: titleEn } : { sv: titleSv },
    description: english ? { sv: sv.join(' '), en: en.join(' ') } : { sv: sv.join(' ') },
    keywords: english ? { sv: keywordsSv, en: keywordsEn } : { sv: keywordsSv },
    themes: [...themes],
    contactPoint: {
      kind: 'organization',
      name: `${org.name_sv}, ${unit}`,
      email: `${chance(0.6) ? 'oppnadata' : slugify(unit).replace(/-/g, '.')}@${org.domain}`,
      ...(chance(0.4) ? { phone: `0${int(10, 99)}-${int(100, 999)} ${int(10, 99)} ${int(10, 99)}` } : {}),
      ...(chance(0.7) ? { url: `${org.website}/kontakt` } : {}),
    },
    issued,
    ...(chance(0.5) ? { modified: isoDay(Math.min(NOW - dayMs, Date.parse(issued) + int(1, 900) * dayMs)) } : {}),
    ...(chance(0.55) ? { temporal: [chance(0.8) ? { start: `${firstYear}-01-01`, end: `${lastYear}-12-31` } : { start: `${firstYear}-01-01` }] } : {}),
    ...(org.scope === 'm' && chance(0.7) ? { spatial: ['http://publications.europa.eu/resource/authority/country/SWE'] } : {}),
    accrualPeriodicity: frequency,
    ...(chance(0.7) ? { accessRights: 'PUBLIC' } : {}),
    ...(subject.kind === 'g' && chance(0.3) ? { conformsTo: ['http://www.opengis.net/def/crs/EPSG/0/3006'] } : {}),
    ...(chance(0.6) ? { landingPage: `${org.website}/oppna-data/${slug}` } : {}),
    ...(chance(0.2) ? { documentation: [`${org.website}/oppna-data/dokumentation/${slug}`] } : {}),
    languages: english ? ['SWE', 'ENG'] : ['SWE'],
    ...(chance(0.1) ? { version: `${int(1, 4)}.${int(0, 9)}` } : {}),
    ...(chance(0.25) ? { identifier: `${org.slug.slice(0, 12).toUpperCase()}-${int(1000, 99999)}` } : {}),
    ...(hvd && hvdCategory ? { hvdCategories: [hvdCategory], applicableLegislation: [HVD_LEGISLATION_IRI] } : {}),
  };
  const metadata = normalised(datasetFields, emptyDatasetMetadata(), input, 'a dataset');

  const createdMs = Math.min(NOW - dayMs, Math.max(Date.parse('2026-01-01T00:00:00Z'), Date.parse(issued)) + int(0, 300) * dayMs + int(0, dayMs - 1));
  const updatedMs = Math.min(NOW, createdMs + (chance(0.5) ? int(0, 60) * dayMs : int(0, 3_600_000)));
  const createdAt = new Date(createdMs).toISOString();
  const updatedAt = new Date(updatedMs).toISOString();

  const licence = licenceFor(hvd);
  const count = random() < 0.45 ? 1 : random() < 0.73 ? 2 : 3;
  const formats = FORMATS[subject.kind].some(count);
  const distributions = formats.map((format, position) => {
    const dist: Record<string, unknown> = {
      title: english ? { sv: `${titleSv} (${format.label})`, en: `${titleEn} (${format.label})` } : { sv: `${titleSv} (${format.label})` },
      ...(chance(0.4) ? { description: english ? Object.fromEntries(DIST_DESCRIPTIONS.next().map((t, i) => [i ? 'en' : 'sv', t])) : { sv: DIST_DESCRIPTIONS.next()[0] } } : {}),
      accessUrl: `${org.website}/oppna-data/${slug}`,
      ...(format.code !== 'WMS_SRVC' && chance(0.85) ? { downloadUrl: `https://data.${org.domain}/${slug}/${slug}${position ? `-${position + 1}` : ''}.${format.ext}` } : {}),
      format: vocabIri('fileType', format.code),
      mediaType: format.mediaType,
      license: chance(0.95) ? licence : licenceFor(hvd),
      ...(chance(0.35) ? { byteSize: int(2_000, 250_000_000) } : {}),
      status: vocabIri('distributionStatus', chance(0.95) ? 'COMPLETED' : 'DEVELOP'),
      availability: vocabIri('plannedAvailability', random() < 0.8 ? 'STABLE' : chance(0.75) ? 'AVAILABLE' : 'EXPERIMENTAL'),
      languages: ['SWE'],
    };
    return { id: uuidv7(), position, metadata: normalised(distributionFields, emptyDistributionMetadata(), dist, 'a distribution') };
  });

  const x = random();
  const status = x < 0.935 ? 'published' : 'draft';
  const visibility = x < 0.9 || (x >= 0.935 && x < 0.975) ? 'public' : 'private';
  return {
    id: uuidv7(),
    slug,
    org,
    status,
    visibility,
    hvd,
    metadata,
    distributions,
    createdAt,
    updatedAt,
    publishedAt: status === 'published' ? new Date(Math.min(updatedMs, createdMs + int(0, 7) * dayMs)).toISOString() : null,
  };
}

// ---------------------------------------------------------------------------------------------
// Generating and writing, one batch (one transaction) at a time. (Generating in a worker thread
// while this one writes was tried: on the shared 2-core machine it cost ~50 % more CPU in total
// (copying the batches, two heaps to collect) and was not faster.)

export interface SeedSample {
  /** Published public datasets, in random order: what anonymous visitors may read. */
  published: string[];
  draft: string[];
  private: string[];
  hvd: string[];
}

interface Counts {
  distributions: number;
  publishedPublic: number;
  drafts: number;
  private: number;
  hvd: number;
}

/** Rows in the column order of the insert statements below. */
type Row = (string | number | null)[];
interface Batch {
  datasets: Row[];
  distributions: Row[];
  revisions: Row[];
  activities: Row[];
}

type SeedMessage = { type: 'organizations'; rows: Row[] } | { type: 'batch'; batch: Batch; done: number } | { type: 'done'; counts: Counts; sample: SeedSample };

/** Everything the seed writes, in order, through `emit` (a batch of BATCH datasets at a time). */
function generate(total: number, seed: number, emit: (message: SeedMessage) => void): void {
  random = mulberry32(seed);
  usedOrgNumbers.clear();
  const orgs = makeOrganizations(80);
  emit({
    type: 'organizations',
    rows: orgs.map((o) => {
      const searchText = searchTextOf({ slug: o.slug, name_sv: o.name_sv, name_en: o.name_en, org_number: o.org_number });
      return [o.id, o.slug, o.name_sv, o.name_en, o.org_number, o.type, o.website, o.description_sv, o.description_en, `oppnadata@${o.domain}`, searchText, swedishSortKey(o.name_sv), o.created_at, o.created_at];
    }),
  });

  // Datasets per organisation: Zipf-like (a few publish a lot), the large agencies and cities
  // most likely near the top, the order otherwise random.
  const prior = (o: Org) => (o.type === 'state_agency' ? 3 : o.type === 'region' ? 2 : o.type === 'municipality' ? 1.5 : 1) * (0.5 + random());
  const byRank = orgs
    .map((o, i) => ({ o, score: prior(o) * (i < 24 || /^(Stockholms|Göteborgs|Malmö) /.test(o.name_sv) ? 1.5 : 1) }))
    .sort((a, b) => b.score - a.score)
    .map((x) => x.o);
  const orgZipf = new Zipf(byRank, 0.6);
  const takenSlugs = new Set<string>();
  const counts: Counts = { distributions: 0, publishedPublic: 0, drafts: 0, private: 0, hvd: 0 };
  const published: string[] = [];
  const sample: SeedSample = { published: [], draft: [], private: [], hvd: [] };

  for (let done = 0; done < total; ) {
    const batch: Batch = { datasets: [], distributions: [], revisions: [], activities: [] };
    for (let n = 0; n < BATCH && done < total; n++, done++) {
      const d = makeDataset(orgZipf.next(), takenSlugs, chance(0.02));
      batch.datasets.push([d.id, d.slug, d.org.id, d.status, d.visibility, d.hvd ? 1 : 0, swedishSortKey(d.metadata.title.sv ?? d.metadata.title.en ?? ''), JSON.stringify(d.metadata), d.createdAt, d.updatedAt, d.publishedAt]);
      for (const dist of d.distributions) batch.distributions.push([dist.id, d.id, dist.position, JSON.stringify(dist.metadata), d.createdAt, d.createdAt]);
      // Revision 1 as the resource engine records it: the whole state, and the diff from nothing.
      const snapshot: ResourceSnapshot<DatasetMetadata> = { slug: d.slug, status: d.status, visibility: d.visibility, hvd: d.hvd, deleted: false, metadata: d.metadata, distributions: d.distributions };
      batch.revisions.push([uuidv7(), d.id, JSON.stringify(snapshot), JSON.stringify(diffSnapshots(undefined, snapshot)), d.createdAt]);
      batch.activities.push([uuidv7(), d.id, d.org.id, d.createdAt]);

      counts.distributions += d.distributions.length;
      if (d.hvd) counts.hvd++;
      if (d.status === 'published' && d.visibility === 'public') {
        counts.publishedPublic++;
        published.push(d.slug);
        if (d.hvd && sample.hvd.length < 5) sample.hvd.push(d.slug);
      }
      if (d.status === 'draft') {
        counts.drafts++;
        if (sample.draft.length < 5) sample.draft.push(d.slug);
      }
      if (d.visibility === 'private') {
        counts.private++;
        if (d.status === 'published' && sample.private.length < 5) sample.private.push(d.slug);
      }
    }
    emit({ type: 'batch', batch, done });
  }
  // A fixed random sample of published public slugs (a partial Fisher–Yates shuffle).
  for (let i = 0; i < Math.min(SAMPLE_SIZE, published.length); i++) {
    const j = i + Math.floor(random() * (published.length - i));
    [published[i], published[j]] = [published[j]!, published[i]!];
    sample.published.push(published[i]!);
  }
  emit({ type: 'done', counts, sample });
}

export interface SeedResult extends Counts {
  dataDir: string;
  dbFile: string;
  datasets: number;
  organizations: number;
  /** Wall-clock seconds; cpuOfThisProcess: user + system CPU of the seeding process (not the migrate child). */
  seconds: { migrate: number; generateAndInsert: number; total: number; cpuOfThisProcess: number };
  dbBytes: number;
  sample: SeedSample;
}

/** Creates `dataDir` (a fresh temp dir when not given; it must not hold a database yet), migrates and seeds it. */
export async function seedCatalog(options: { datasets?: number; dataDir?: string; seed?: number } = {}): Promise<SeedResult> {
  const started = performance.now();
  const cpuStarted = process.cpuUsage();
  const total = options.datasets ?? Number(process.env.BENCH_DATASETS ?? 100_000);
  const seed = options.seed ?? 20261128;
  const dataDir = options.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'allmanning-catalog-'));
  fs.mkdirSync(dataDir, { recursive: true });
  const dbFile = path.join(dataDir, SQLITE_FILE);
  if (fs.existsSync(dbFile)) throw new Error(`${dbFile} exists already; the seed wants a fresh data dir`);

  log(`seed: migrating a fresh database in ${dataDir} (allmanning migrate)`);
  runCli(['migrate', '--json'], { ALLMANNING_DATA_DIR: dataDir });
  const migrated = performance.now();

  // Bulk-load settings for this connection only (a crash during seeding just means seeding again):
  // no rollback journal or WAL, so each page is written once; the app's WAL mode is set back below.
  const db = new SQLite(dbFile);
  db.pragma('journal_mode = OFF');
  db.pragma('synchronous = OFF');
  db.pragma('locking_mode = EXCLUSIVE');
  db.pragma('cache_size = -262144'); // 256 MB
  db.pragma('foreign_keys = ON');

  const insertOrg = db.prepare(
    `insert into organization (id, slug, name_sv, name_en, org_number, type, website, description_sv, description_en, contact_email, logo_key, search_text, sort_name, created_at, updated_at)
     values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, null, ?, ?, ?, ?)`,
  );
  const insertDataset = db.prepare(
    `insert into dataset (id, slug, organization_id, status, visibility, hvd, sort_title, metadata, revision, created_by, updated_by, created_at, updated_at, published_at, deleted_at, series_id)
     values (?, ?, ?, ?, ?, ?, ?, ?, 1, null, null, ?, ?, ?, null, null)`,
  );
  const insertDistribution = db.prepare(`insert into distribution (id, dataset_id, position, metadata, file_sha256, created_at, updated_at) values (?, ?, ?, ?, null, ?, ?)`);
  const insertRevision = db.prepare(
    `insert into catalog_revision (id, resource_kind, resource_id, revision, action, actor_id, snapshot, diff, created_at) values (?, 'dataset', ?, 1, 'created', null, ?, ?, ?)`,
  );
  const insertActivity = db.prepare(
    `insert into activity (id, actor_id, action, subject_type, subject_id, organization_id, diff, created_at) values (?, null, 'dataset.created', 'dataset', ?, ?, '{"revision":1}', ?)`,
  );
  const writeOrganizations = db.transaction((rows: Row[]) => {
    for (const row of rows) insertOrg.run(row);
  });
  const writeBatch = db.transaction((batch: Batch) => {
    for (const row of batch.datasets) insertDataset.run(row);
    for (const row of batch.distributions) insertDistribution.run(row);
    for (const row of batch.revisions) insertRevision.run(row);
    for (const row of batch.activities) insertActivity.run(row);
  });

  let organizations = 0;
  let finished: { counts: Counts; sample: SeedSample } | undefined;
  const write = (message: SeedMessage) => {
    if (message.type === 'organizations') {
      writeOrganizations(message.rows);
      organizations = message.rows.length;
    } else if (message.type === 'batch') {
      writeBatch(message.batch);
      if (message.done % 20_000 === 0 || message.done === total) log(`seed: ${message.done} / ${total} datasets (${round((performance.now() - migrated) / 1000, 1)} s)`);
    } else finished = message;
  };

  try {
    generate(total, seed, write);
  } finally {
    db.pragma('locking_mode = NORMAL');
    db.pragma('journal_mode = WAL');
    db.close();
  }
  if (!finished) throw new Error('seed: the generator stopped before the end');
  const { counts, sample } = finished;
  const ended = performance.now();
  const cpu = process.cpuUsage(cpuStarted);
  const cpuSeconds = round((cpu.user + cpu.system) / 1e6, 1);
  const dbBytes = fs.statSync(dbFile).size;
  log(`seed: ${total} datasets, ${counts.distributions} distributions, ${organizations} organisations in ${round((ended - started) / 1000, 1)} s (${cpuSeconds} s CPU); database ${round(dbBytes / 2 ** 20, 1)} MB`);
  const result: SeedResult = {
    dataDir,
    dbFile,
    datasets: total,
    organizations,
    ...counts,
    seconds: { migrate: round((migrated - started) / 1000, 1), generateAndInsert: round((ended - migrated) / 1000, 1), total: round((ended - started) / 1000, 1), cpuOfThisProcess: cpuSeconds },
    dbBytes,
    sample,
  };
  fs.writeFileSync(path.join(dataDir, SAMPLE_FILE), `${JSON.stringify(result)}\n`);
  return result;
}

/** The result of an earlier seed of `dataDir` (from its bench-sample.json), to measure it again without seeding. */
export function readSeed(dataDir: string): SeedResult {
  const file = path.join(dataDir, SAMPLE_FILE);
  if (!fs.existsSync(file)) throw new Error(`${file} not found: ${dataDir} is not a data dir seeded by bench/seed-catalog.ts`);
  const result = JSON.parse(fs.readFileSync(file, 'utf8')) as SeedResult;
  return { ...result, dataDir, dbFile: path.join(dataDir, SQLITE_FILE), dbBytes: fs.statSync(path.join(dataDir, SQLITE_FILE)).size };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  seedCatalog({ ...(process.argv[2] ? { dataDir: path.resolve(process.argv[2]) } : {}) })
    .then((result) => {
      const { sample, ...summary } = result;
      process.stdout.write(`${JSON.stringify({ ...summary, sampleFile: path.join(result.dataDir, SAMPLE_FILE), sampleSizes: Object.fromEntries(Object.entries(sample).map(([k, v]) => [k, v.length])) }, null, 2)}\n`);
    })
    .catch((error: unknown) => {
      process.stderr.write(`seed-catalog: ${error instanceof Error ? error.stack : String(error)}\n`);
      process.exitCode = 1;
    });
}
