// TypeBox schemas of /api/v1/harvest-sources.
import { Type } from 'typebox';

export const HarvestRunSchema = Type.Object({
  id: Type.String(),
  sourceId: Type.String(),
  trigger: Type.String({ description: "'schedule', 'manual' (run now) or 'cli'" }),
  status: Type.String({ description: "'running', 'succeeded' or 'failed'" }),
  startedAt: Type.String({ format: 'date-time' }),
  finishedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  counts: Type.Object({ created: Type.Integer(), updated: Type.Integer(), unchanged: Type.Integer(), withdrawn: Type.Integer(), failed: Type.Integer() }),
  errors: Type.Array(Type.String()),
});

export const HarvestSourceSchema = Type.Object({
  id: Type.String(),
  organizationId: Type.String(),
  type: Type.Union([Type.Literal('dcat'), Type.Literal('ckan')]),
  url: Type.String(),
  schedule: Type.String({ description: 'Cron expression (Europe/Stockholm)' }),
  nextRunAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  running: Type.Boolean(),
  lastRun: Type.Union([HarvestRunSchema, Type.Null()]),
  createdAt: Type.String({ format: 'date-time' }),
});

export const HarvestSourceListSchema = Type.Object({ total: Type.Integer(), items: Type.Array(HarvestSourceSchema) });
export const HarvestRunListSchema = Type.Object({ total: Type.Integer(), items: Type.Array(HarvestRunSchema) });

export const CreateHarvestSourceBody = Type.Object(
  {
    organization: Type.String({ description: 'Organisation id or slug' }),
    type: Type.Union([Type.Literal('dcat'), Type.Literal('ckan')]),
    url: Type.String({ description: "A DCAT catalog's URL, or a CKAN portal's base URL" }),
    schedule: Type.Optional(Type.String({ description: 'Cron expression; default nightly (0 2 * * *)' })),
  },
  { additionalProperties: false },
);

export const UpdateHarvestSourceBody = Type.Object(
  { schedule: Type.String({ maxLength: 100, description: 'Cron expression (Europe/Stockholm); empty: nightly (0 2 * * *)' }) },
  { additionalProperties: false },
);

export const SourceParams = Type.Object({ id: Type.String() });
export const SourceListQuery = Type.Object({ organization: Type.Optional(Type.String()) });
export const RunListQuery = Type.Object({ limit: Type.Integer({ minimum: 1, maximum: 1000, default: 20 }), offset: Type.Integer({ minimum: 0, default: 0 }) });
export const RunNowSchema = Type.Object({ queued: Type.Boolean({ description: 'false when a run of the source is already queued' }) });
