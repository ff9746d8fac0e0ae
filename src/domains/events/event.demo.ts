// `allmanning demo`: the network's monthly workshop series (first Tuesday, 13–15 in Stockholm) with
// material on the meetings already held. Deterministic dates and texts; idempotent by the slug.
import type { Clock } from '../../platform/clock.js';
import { NotFoundError } from '../../platform/errors.js';
import type { EventService } from './event.service.js';

export const DEMO_SERIES_SLUG = 'natverkstraff';

export async function seedDemoEvents(events: EventService, clock: Clock): Promise<{ created: number; existing: number }> {
  try {
    const { events: existing } = await events.getSeries(DEMO_SERIES_SLUG);
    return { created: 0, existing: existing.length + 1 };
  } catch (error) {
    if (!(error instanceof NotFoundError)) throw error;
  }
  const { events: created } = await events.createSeriesAsOperator({
    slug: DEMO_SERIES_SLUG,
    title: { sv: 'Nätverksträff om öppna data', en: 'Open data network meeting' },
    description: {
      sv: 'Nätverkets månatliga workshop: **praktiska exempel**, licenser, juridik och erfarenheter från andra organisationer. Öppen för alla i offentlig sektor.',
      en: "The network's monthly workshop: **practical examples**, licences, law and experience from other organisations. Open to everyone in the public sector.",
    },
    agenda: { sv: '1. Välkommen\n2. Dagens tema\n3. Frågor och erfarenheter', en: '1. Welcome\n2. Theme of the day\n3. Questions and experience' },
    place: 'Digg, Sundsvall, och digitalt',
    onlineUrl: 'https://meet.example.se/allmanning',
    capacity: 30,
    organizationQuota: 3,
    topics: ['öppna data', 'licenser'],
    startsOn: '2026-09-01',
    startTime: '13:00',
    durationMinutes: 120,
    occurrences: 12,
  });
  for (const event of created) {
    if (new Date(event.ends_at) > clock.now()) continue;
    await events.updateAsOperator(event.id, {
      recordingUrl: 'https://video.example.se/allmanning/' + event.slug,
      notes: {
        sv: 'Inspelningen är textad. Anteckningar: vi gick igenom **CC0 och CC BY 4.0** och hur man beskriver datamängder enligt DCAT-AP-SE.',
        en: 'The recording is captioned. Notes: we went through **CC0 and CC BY 4.0** and how to describe datasets in DCAT-AP-SE.',
      },
      datasets: ['kommunernas-oppna-data'],
    });
  }
  return { created: created.length + 1, existing: 0 };
}
