// Swedish, the default interface language. Every UI string lives in a catalog; en.ts must have
// exactly the same keys (the type checker and a test enforce it). Placeholders: {name}.
export const sv = {
  'site.name': 'Allmänning',
  'site.tagline': 'Öppna data och kunskap från svensk offentlig sektor – delade av alla, för alla',
  'layout.skipToContent': 'Hoppa till huvudinnehållet',
  'layout.mainNavigation': 'Huvudmeny',
  'layout.languageSwitch': 'In English',
  'layout.languageSwitchLabel': 'Read this page in English',
  'layout.footerNavigation': 'Sidfot',
  'layout.footerAbout': 'Allmänning är nätverket för öppna data i svensk offentlig sektor.',
  'layout.metadataLicense': 'Katalogens metadata är fri att återanvända (CC0 1.0).',
  'nav.home': 'Start',
  'nav.api': 'API',
  'nav.accessibility': 'Tillgänglighet',
  'nav.organizations': 'Organisationer',
  'nav.login': 'Logga in',
  'nav.signup': 'Skapa konto',
  'nav.account': 'Mitt konto',
  'nav.admin': 'Administration',
  'nav.logout': 'Logga ut',
  'layout.accountNavigation': 'Konto',
  'home.title': 'Allmänning – öppna data i offentlig sektor',
  'home.heading': 'Dela data. Dela kunskap. Visa nyttan.',
  'home.lead':
    'Allmänning är mötesplatsen för svenska myndigheter, kommuner, regioner och statliga bolag som delar öppna data – med varandra och med alla andra.',
  'home.pillars.heading': 'Det här gör vi tillsammans',
  'home.pillar.share.title': 'Dela data',
  'home.pillar.share.text':
    'Varje organisation beskriver sina datamängder och API:er enligt DCAT-AP-SE. Katalogen matar dataportal.se och data.europa.eu.',
  'home.pillar.licences.title': 'Tydliga licenser',
  'home.pillar.licences.text':
    'CC0 1.0 och CC BY 4.0 först, enligt Diggs och PRV:s rekommendation. Data som inte är öppna märks tydligt.',
  'home.pillar.workshops.title': 'Månatliga workshoppar',
  'home.pillar.workshops.text':
    'Nätverket träffas första tisdagen varje månad. Platserna är begränsade – anmäl dig i tid.',
  'home.pillar.knowledge.title': 'Dela kunskap',
  'home.pillar.knowledge.text':
    'Praktiska exempel, licenser, juridik, efterfrågade data och erfarenheter från andra organisationer.',
  'home.pillar.benefit.title': 'Mät insatser och nytta',
  'home.pillar.benefit.text':
    'Metadatakvalitet, användning, återanvändning och besvarade önskemål – för varje organisation och för hela nätverket.',
  'home.pillar.proactive.title': 'Var proaktiv',
  'home.pillar.proactive.text': 'Dela innan någon frågar. Det som efterfrågas syns, och vägen från önskemål till publicering mäts.',
  'home.machines.heading': 'För utvecklare och maskiner',
  'home.machines.text': 'Allt som finns på webbplatsen finns också i ett dokumenterat REST-API.',
  'home.machines.link': 'Läs API-dokumentationen',
  'accessibility.title': 'Tillgänglighetsredogörelse',
  'accessibility.intro':
    'Allmänning står bakom lagen (2018:1937) om tillgänglighet till digital offentlig service. Här beskriver vi hur webbplatsen uppfyller lagen, kända brister och hur du kan rapportera problem.',
  'accessibility.status.heading': 'Hur tillgänglig är webbplatsen?',
  'accessibility.status.text':
    'Webbplatsen är byggd för att uppfylla WCAG 2.1 nivå AA. Varje sida kontrolleras automatiskt med axe i en riktig webbläsare innan den släpps, och alla funktioner fungerar med tangentbord och utan JavaScript.',
  'accessibility.known.heading': 'Kända brister',
  'accessibility.known.text':
    'Vi känner inte till några brister just nu. Automatiska tester hittar inte allt; hör av dig om något inte fungerar för dig.',
  'accessibility.report.heading': 'Rapportera brister',
  'accessibility.report.text':
    'Om du upplever problem eller behöver innehåll i ett annat format, kontakta oss. Vi svarar inom fem arbetsdagar.',
  'accessibility.supervision.heading': 'Tillsyn',
  'accessibility.supervision.text':
    'Myndigheten för digital förvaltning (Digg) har ansvar för tillsyn över lagen. Om du inte är nöjd med hur vi hanterar dina synpunkter kan du kontakta Digg.',
  'accessibility.supervision.link': 'Anmäl till Digg',
  'accessibility.method.heading': 'Hur vi testat webbplatsen',
  'accessibility.method.text':
    'Vi testar varje sida med axe-core (WCAG 2.1 A och AA) i Chromium och går igenom sidorna med tangentbord. Redogörelsen uppdaterades {date}.',
  'apiDocs.title': 'API-dokumentation',
  'apiDocs.intro':
    'Allmänningens REST-API finns under /api/v1 och svarar med JSON. Det fullständiga OpenAPI 3.1-dokumentet kan läsas av maskiner och verktyg.',
  'apiDocs.openapiLink': 'OpenAPI-dokumentet (JSON)',
  'apiDocs.operations': 'Anrop',
  'apiDocs.method': 'Metod',
  'apiDocs.path': 'Sökväg',
  'apiDocs.summary': 'Beskrivning',
  'apiDocs.errors.heading': 'Fel',
  'apiDocs.errors.text':
    'Fel besvaras alltid som {"error": {"code", "message", "details"}} med en stabil kod, till exempel validation_failed (400), not_found (404) eller rate_limited (429).',
  'error.notFound.title': 'Sidan finns inte',
  'error.notFound.text': 'Vi hittar inte sidan du letar efter. Kontrollera adressen eller gå till startsidan.',
  'error.gone.title': 'Sidan är borttagen',
  'error.gone.text': 'Det som fanns här har tagits bort och kommer inte tillbaka.',
  'error.forbidden.title': 'Du har inte behörighet',
  'error.forbidden.text': 'Du får inte göra det här. Formuläret kan ha varit för gammalt – ladda om sidan och försök igen.',
  'error.badRequest.title': 'Något stämmer inte i förfrågan',
  'error.badRequest.text': 'Förfrågan kunde inte behandlas. Kontrollera det du skickade och försök igen.',
  'error.tooMany.title': 'För många förfrågningar',
  'error.tooMany.text': 'Vänta en stund och försök igen.',
  'error.server.title': 'Något gick fel',
  'error.server.text': 'Ett oväntat fel inträffade hos oss. Försök igen om en stund. Ange felkoden {requestId} om du kontaktar oss.',
  'error.backHome': 'Till startsidan',
} as const;

export type MessageKey = keyof typeof sv;
export type Messages = Record<MessageKey, string>;
