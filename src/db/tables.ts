// Kysely table types for the platform's own tables. Domains declare theirs in `<name>.table.ts` and
// widen the shared instance with `db.withTables<TheirTables>()`.
import type { Generated } from 'kysely';

export interface JobTable {
  id: string;
  queue: string;
  name: string;
  payload: string; // JSON
  status: 'queued' | 'running' | 'succeeded' | 'failed';
  attempts: Generated<number>;
  max_attempts: number;
  run_at: string;
  locked_by: string | null;
  locked_until: string | null;
  last_error: string | null;
  unique_key: string | null;
  created_at: string;
  updated_at: string;
  finished_at: string | null;
}

export interface JobScheduleTable {
  name: string; // also the job name it enqueues
  cron: string;
  timezone: string;
  payload: string; // JSON
  next_run_at: string;
  last_run_at: string | null;
  updated_at: string;
}

export interface MailMessageTable {
  id: string;
  to_address: string;
  subject: string;
  text_body: string;
  html_body: string | null;
  /** JSON array of { filename, contentType, content(base64) } */
  attachments: string | null;
  status: 'queued' | 'sent' | 'outbox' | 'failed';
  transport_message_id: string | null;
  last_error: string | null;
  created_at: string;
  sent_at: string | null;
}

export interface ActivityTable {
  id: string;
  actor_id: string | null;
  action: string;
  subject_type: string;
  subject_id: string;
  organization_id: string | null;
  diff: string | null; // JSON
  created_at: string;
}

export interface PlatformTables {
  activity: ActivityTable;
  job: JobTable;
  job_schedule: JobScheduleTable;
  mail_message: MailMessageTable;
}
