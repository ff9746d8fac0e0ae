// GDPR: each domain that keeps personal data registers how to export it for one person; the
// accounts domain's export collects every section. Registered in app.ts, in one visible list.

export type PersonalDataExporter = (userId: string) => Promise<unknown>;

export class PersonalDataRegistry {
  private readonly exporters = new Map<string, PersonalDataExporter>();

  register(section: string, exporter: PersonalDataExporter): void {
    if (this.exporters.has(section)) throw new Error(`Personal data section ${section} is registered twice`);
    this.exporters.set(section, exporter);
  }

  async exportFor(userId: string): Promise<Record<string, unknown>> {
    const out: Record<string, unknown> = {};
    for (const [section, exporter] of this.exporters) out[section] = await exporter(userId);
    return out;
  }
}
