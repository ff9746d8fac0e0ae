// SCB's demo datasets: population, income, elections, housing, prices, labour market, regional
// division, education and names. The three yearly population files form the series "Folkmängd
// per kommun" (see demo-catalog.ts).
import type { DemoDataset } from './demo-catalog.js';
import { csvFile, tableJsonFile } from './demo-files.js';
import { dataset, demoId, fileDist, PLACES } from './demo-support.js';
import * as t from './demo-tables-state.js';

const SCB = 'https://www.scb.se';
export const SCB_POPULATION_SERIES_ID = demoId('series', 1);

function folkmangd(n: number, year: number, publish = true): DemoDataset {
  return dataset({
    n, slug: `folkmangd-per-kommun-${year}`, org: 'scb', publish, seriesId: SCB_POPULATION_SERIES_ID,
    title: [`Folkmängd per kommun ${year}`, `Population by municipality ${year}`],
    description: [
      `Folkmängden i Sveriges 290 kommuner den 31 december ${year}, fördelad på kvinnor och män, med förändringen i procent jämfört med föregående år. Uppgifterna kommer från Registret över totalbefolkningen (RTB).`,
      `The population of Sweden's 290 municipalities on 31 December ${year}, by sex, with the change in per cent from the year before. From the Total Population Register.`,
    ],
    keywords: [['befolkning', 'folkmängd', 'kommuner', 'RTB'], ['population', 'municipalities']],
    themes: ['SOCI', 'REGI'], frequency: 'ANNUAL', issued: `${year + 1}-02-21`,
    temporal: [{ start: `${year}-12-31`, end: `${year}-12-31` }], spatial: [PLACES.sweden],
    landingPage: `${SCB}/hitta-statistik/statistik-efter-amne/befolkning/befolkningens-sammansattning/befolkningsstatistik/`,
    identifier: `BE0101-${year}`,
    distributions: [
      fileDist(csvFile(`folkmangd-per-kommun-${year}.csv`, () => t.folkmangdPerKommun(year), ';'), {
        title: [`Folkmängd per kommun ${year} (CSV)`, `Population by municipality ${year} (CSV)`],
        description: ['Semikolonseparerad med decimalkomma, som Excel sparar den.', 'Semicolon-separated with decimal commas, as Excel saves it.'],
        licence: 'CC0',
      }),
    ],
  });
}

export const scbDatasets: DemoDataset[] = [
  folkmangd(11, 2022),
  folkmangd(12, 2023),
  folkmangd(13, 2024),
  dataset({
    n: 14, slug: 'befolkningsforandringar-per-lan', org: 'scb',
    title: ['Befolkningsförändringar per län och kvartal', 'Population changes by county and quarter'],
    description: [
      'Födda, döda, inrikes in- och utflyttade samt in- och utvandrade per län och kvartal. Preliminära uppgifter publiceras sex veckor efter kvartalets slut och ersätts av slutliga uppgifter i februari.',
      'Births, deaths, domestic migration, immigration and emigration by county and quarter.',
    ],
    keywords: [['befolkningsförändringar', 'födda', 'döda', 'flyttningar', 'län'], ['births', 'deaths', 'migration', 'counties']],
    themes: ['SOCI'], frequency: 'QUARTERLY', issued: '2019-05-14', modified: '2025-08-14',
    temporal: [{ start: '2023-01-01', end: '2025-06-30' }], spatial: [PLACES.sweden],
    distributions: [fileDist(csvFile('befolkningsforandringar-per-lan.csv', t.befolkningsforandringar), { title: ['Befolkningsförändringar (CSV)', 'Population changes (CSV)'], licence: 'CC0' })],
  }),
  dataset({
    n: 15, slug: 'medelinkomst-per-kommun', org: 'scb',
    title: ['Sammanräknad förvärvsinkomst per kommun', 'Total earned income by municipality'],
    description: [
      'Medel- och medianvärde för sammanräknad förvärvsinkomst (lön, pension, sjukpenning med mera) för folkbokförda personer 20 år och äldre, per kommun, i tusentals kronor.',
      'Mean and median total earned income for residents aged 20 and over, by municipality, in thousands of kronor.',
    ],
    keywords: [['inkomst', 'förvärvsinkomst', 'kommuner', 'hushållens ekonomi'], ['income', 'earnings', 'municipalities']],
    themes: ['ECON', 'SOCI'], frequency: 'ANNUAL', issued: '2018-12-10', modified: '2025-01-28',
    temporal: [{ start: '2023-01-01', end: '2023-12-31' }], spatial: [PLACES.sweden],
    distributions: [fileDist(csvFile('medelinkomst-per-kommun-2023.csv', t.medelinkomstPerKommun, ';'), { title: ['Förvärvsinkomst 2023 (CSV)', 'Earned income 2023 (CSV)'], licence: 'CC0' })],
  }),
  dataset({
    n: 16, slug: 'riksdagsval-2022-per-kommun', org: 'scb',
    title: ['Riksdagsvalet 2022: röster per parti och kommun', 'The 2022 Riksdag election: votes by party and municipality'],
    description: [
      'Andel röster per parti, röstberättigade och valdeltagande i riksdagsvalet den 11 september 2022, per kommun. Partier under en procent nationellt redovisas som övriga.',
      'Share of votes by party, eligible voters and turnout in the Riksdag election of 11 September 2022, by municipality.',
    ],
    keywords: [['val', 'riksdagsval', 'valdeltagande', 'partier'], ['elections', 'turnout', 'parties']],
    themes: ['GOVE', 'SOCI'], frequency: 'IRREG', issued: '2022-12-15',
    temporal: [{ start: '2022-09-11', end: '2022-09-11' }], spatial: [PLACES.sweden],
    documentation: [`${SCB}/hitta-statistik/statistik-efter-amne/demokrati/allmanna-val/`],
    distributions: [fileDist(csvFile('riksdagsval-2022-per-kommun.csv', t.riksdagsval2022), { title: ['Valresultat per kommun (CSV)', 'Results by municipality (CSV)'], licence: 'CC0' })],
  }),
  dataset({
    n: 17, slug: 'bostadsbestand-per-kommun', org: 'scb',
    title: ['Bostadsbestånd per kommun och hustyp', 'Dwelling stock by municipality and type of building'],
    description: [
      'Antal lägenheter den 31 december 2024 per kommun, fördelat på småhus, flerbostadshus, specialbostäder och övriga hus. Underlaget är Lägenhetsregistret.',
      'Number of dwellings on 31 December 2024 by municipality and type of building, from the Dwelling Register.',
    ],
    keywords: [['bostäder', 'lägenheter', 'småhus', 'flerbostadshus'], ['housing', 'dwellings']],
    themes: ['SOCI', 'REGI'], frequency: 'ANNUAL', issued: '2020-05-19', modified: '2025-05-20',
    temporal: [{ start: '2024-12-31', end: '2024-12-31' }], spatial: [PLACES.sweden],
    distributions: [fileDist(csvFile('bostadsbestand-per-kommun-2024.csv', t.bostadsbestand), { title: ['Bostadsbestånd 2024 (CSV)', 'Dwelling stock 2024 (CSV)'], licence: 'CC0' })],
  }),
  dataset({
    n: 18, slug: 'konsumentprisindex', org: 'scb',
    title: ['Konsumentprisindex (KPI), månad', 'Consumer Price Index (CPI), monthly'],
    description: [
      'Konsumentprisindex med 1980 som basår och årsförändringen i procent, månad för månad sedan januari 1980. KPI mäter den genomsnittliga prisutvecklingen för hela den privata inhemska konsumtionen.',
      'The Consumer Price Index (1980 = 100) and its annual change, monthly since January 1980.',
    ],
    keywords: [['KPI', 'inflation', 'priser', 'konsumentpriser'], ['CPI', 'inflation', 'prices']],
    themes: ['ECON'], frequency: 'MONTHLY', issued: '2015-03-12', modified: '2025-11-13',
    temporal: [{ start: '1980-01-01' }], spatial: [PLACES.sweden], identifier: 'PR0101',
    conformsTo: ['https://www.scb.se/kpi-metod'],
    distributions: [fileDist(csvFile('kpi-manad.csv', t.konsumentprisindex), { title: ['KPI per månad (CSV)', 'CPI by month (CSV)'], licence: 'CC0' })],
  }),
  dataset({
    n: 19, slug: 'arbetsloshet-per-lan', org: 'scb',
    title: ['Arbetslöshet och sysselsättning per län (AKU)', 'Unemployment and employment by county (LFS)'],
    description: [
      'Antal arbetslösa, arbetslöshet och sysselsättningsgrad i åldern 15–74 år per län och kvartal enligt Arbetskraftsundersökningarna (AKU). Skattningarna har osäkerhetsintervall som redovisas i statistikdatabasen.',
      'Unemployed, unemployment rate and employment rate, ages 15–74, by county and quarter, from the Labour Force Surveys.',
    ],
    keywords: [['arbetslöshet', 'sysselsättning', 'AKU', 'arbetsmarknad'], ['unemployment', 'employment', 'labour market']],
    themes: ['ECON', 'SOCI'], frequency: 'QUARTERLY', issued: '2021-02-18', modified: '2025-11-05',
    temporal: [{ start: '2024-01-01', end: '2025-09-30' }], spatial: [PLACES.sweden],
    distributions: [fileDist(csvFile('aku-per-lan.csv', t.arbetsloshetPerLan), { title: ['AKU per län (CSV)', 'LFS by county (CSV)'], licence: 'CC_BY' })],
  }),
  dataset({
    n: 20, slug: 'kommun-och-lansindelning', org: 'scb',
    title: ['Kommun- och länsindelning med koder', 'Municipality and county codes'],
    description: [
      'Sveriges 290 kommuner och 21 län med de officiella koderna (kommunkod och länskod) som gäller från den 1 januari 2025. Koderna används i nästan all regional statistik och i många register.',
      'Sweden\'s 290 municipalities and 21 counties with their official codes, valid from 1 January 2025.',
    ],
    keywords: [['kommunkoder', 'länskoder', 'regional indelning', 'klassifikation'], ['municipality codes', 'county codes', 'classification']],
    themes: ['REGI', 'GOVE'], frequency: 'IRREG', issued: '2016-01-01', modified: '2025-01-01',
    temporal: [{ start: '2025-01-01' }], spatial: [PLACES.sweden],
    landingPage: `${SCB}/hitta-statistik/regional-statistik-och-kartor/regionala-indelningar/`,
    distributions: [
      fileDist(csvFile('kommunlankoder-2025.csv', t.kommunindelning), { title: ['Kommun- och länskoder (CSV)', 'Codes (CSV)'], licence: 'PDM' }),
      fileDist(tableJsonFile('kommunlankoder-2025.json', t.kommunindelning), { title: ['Kommun- och länskoder (JSON)', 'Codes (JSON)'], licence: 'PDM' }),
    ],
  }),
  dataset({
    n: 21, slug: 'utbildningsniva-per-kommun', org: 'scb',
    title: ['Befolkningens utbildningsnivå per kommun och kön', 'Educational attainment by municipality and sex'],
    description: [
      'Andel av befolkningen 25–64 år efter högsta utbildningsnivå, per kommun och kön, den 1 januari 2025. Uppgifterna kommer från Utbildningsregistret.',
      'Share of the population aged 25–64 by highest level of education, by municipality and sex.',
    ],
    keywords: [['utbildningsnivå', 'utbildning', 'högskola', 'gymnasium'], ['education', 'attainment']],
    themes: ['EDUC', 'SOCI'], frequency: 'ANNUAL', issued: '2019-04-24', modified: '2025-04-23',
    temporal: [{ start: '2025-01-01', end: '2025-01-01' }], spatial: [PLACES.sweden],
    distributions: [fileDist(csvFile('utbildningsniva-per-kommun-2025.csv', t.utbildningsniva, ';'), { title: ['Utbildningsnivå (CSV)', 'Educational attainment (CSV)'], licence: 'CC0' })],
  }),
  dataset({
    n: 22, slug: 'nyproducerade-bostader', org: 'scb', publish: false,
    title: ['Påbörjade och färdigställda lägenheter per län', 'Dwellings started and completed by county'],
    description: ['Antal påbörjade och färdigställda lägenheter i nybyggda hus per län och år. Under arbete: kvartalsuppgifter och uppdelning på upplåtelseform tillkommer.'],
    keywords: [['bostadsbyggande', 'nyproduktion', 'lägenheter']],
    themes: ['SOCI', 'ECON'], frequency: 'ANNUAL', issued: '2025-11-01',
    temporal: [{ start: '2015-01-01', end: '2024-12-31' }], spatial: [PLACES.sweden],
    distributions: [fileDist(csvFile('nyproduktion-per-lan.csv', t.nyproduceradeBostader), { title: ['Nyproduktion per län (CSV)'], licence: 'CC0', status: 'DEVELOP', availability: 'EXPERIMENTAL' })],
  }),
  dataset({
    n: 23, slug: 'vanligaste-fornamnen-nyfodda', org: 'scb',
    title: ['Vanligaste förnamnen bland nyfödda 2024', 'Most common first names among newborns 2024'],
    description: [
      'De 25 vanligaste tilltalsnamnen bland flickor och pojkar som föddes 2024, med antal barn som fått namnet.',
      'The 25 most common first names among girls and boys born in 2024.',
    ],
    keywords: [['namn', 'förnamn', 'nyfödda', 'namnstatistik'], ['names', 'first names', 'newborns']],
    themes: ['SOCI', 'EDUC'], frequency: 'ANNUAL', issued: '2025-01-28',
    temporal: [{ start: '2024-01-01', end: '2024-12-31' }], spatial: [PLACES.sweden],
    distributions: [
      fileDist(csvFile('fornamn-nyfodda-2024.csv', t.fornamnNyfodda), { title: ['Förnamn 2024 (CSV)', 'First names 2024 (CSV)'], licence: 'CC0' }),
      fileDist(tableJsonFile('fornamn-nyfodda-2024.json', t.fornamnNyfodda), { title: ['Förnamn 2024 (JSON)', 'First names 2024 (JSON)'], licence: 'CC0' }),
    ],
  }),
];
