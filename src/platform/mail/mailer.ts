// Outgoing mail. Every message is first written to the mail_message table (the outbox) together
// with a delivery job, inside the caller's transaction when there is one; the job then hands it to
// SMTP. Without ALLMANNING_SMTP_URL messages stay in the outbox, where site admins can read them.
import type { Transporter } from 'nodemailer';
import { asPlatformDb, type AnyExecutor, type Db } from '../../db/database.js';
import type { Clock } from '../clock.js';
import { ValidationError } from '../errors.js';
import { newId } from '../ids.js';
import type { JobQueue } from '../jobs/job-queue.js';
import type { JobRegistry } from '../jobs/worker.js';

export const MAIL_DELIVER_JOB = 'mail.deliver';

export interface MailAttachment {
  filename: string;
  contentType: string;
  /** UTF-8 text (e.g. an iCalendar invite). */
  content: string;
}

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  html?: string;
  attachments?: MailAttachment[];
}

export interface MailerDeps {
  db: Db;
  clock: Clock;
  queue: JobQueue;
  smtpUrl: string | undefined;
  from: string;
}

const EMAIL = /^[^\s@<>(),;:"]+@[^\s@<>(),;:"]+\.[^\s@<>(),;:"]+$/;

export class Mailer {
  private transport: Transporter | undefined;

  constructor(private readonly deps: MailerDeps) {}

  /** Records the message and queues its delivery; returns the message id. */
  async send(message: MailMessage, executor: AnyExecutor = this.deps.db): Promise<string> {
    if (!EMAIL.test(message.to)) throw new ValidationError({ to: ['is not a valid e-mail address'] });
    const id = newId();
    await asPlatformDb(executor)
      .insertInto('mail_message')
      .values({
        id,
        to_address: message.to,
        subject: message.subject,
        text_body: message.text,
        html_body: message.html ?? null,
        attachments: message.attachments ? JSON.stringify(message.attachments) : null,
        status: 'queued',
        transport_message_id: null,
        last_error: null,
        created_at: this.deps.clock.now().toISOString(),
        sent_at: null,
      })
      .execute();
    await this.deps.queue.enqueue(MAIL_DELIVER_JOB, { id }, { maxAttempts: 8 }, executor);
    return id;
  }

  /**
   * Delivers one recorded message; throws (so the job retries) when the SMTP server refuses. On the
   * final attempt a refusal marks the message 'failed'.
   */
  async deliver(id: string, options: { finalAttempt?: boolean } = {}): Promise<void> {
    const { db, clock } = this.deps;
    const row = await db.selectFrom('mail_message').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row || row.status === 'sent') return;
    if (!this.deps.smtpUrl) {
      await db.updateTable('mail_message').set({ status: 'outbox' }).where('id', '=', id).execute();
      return;
    }
    // Loaded on first delivery: most processes never send mail, and it costs start-up time.
    this.transport ??= (await import('nodemailer')).default.createTransport(this.deps.smtpUrl);
    const attachments = row.attachments ? (JSON.parse(row.attachments) as MailAttachment[]) : [];
    try {
      const info = await this.transport.sendMail({
        from: this.deps.from,
        to: row.to_address,
        subject: row.subject,
        text: row.text_body,
        ...(row.html_body ? { html: row.html_body } : {}),
        attachments: attachments.map((a) => ({ filename: a.filename, contentType: a.contentType, content: a.content })),
      });
      await db
        .updateTable('mail_message')
        .set({ status: 'sent', sent_at: clock.now().toISOString(), transport_message_id: String(info.messageId ?? ''), last_error: null })
        .where('id', '=', id)
        .execute();
    } catch (error) {
      // Without the 'failed' mark a message whose retries were used up stayed 'queued' for ever,
      // and the outbox showed it as still on its way.
      await db
        .updateTable('mail_message')
        .set({ last_error: error instanceof Error ? error.message : String(error), ...(options.finalAttempt ? { status: 'failed' as const } : {}) })
        .where('id', '=', id)
        .execute();
      throw error;
    }
  }

  /** Registers the delivery job with a worker's registry. */
  registerJobs(registry: JobRegistry): void {
    registry.register(MAIL_DELIVER_JOB, {
      timeoutMs: 60_000,
      handler: async (payload, { attempt, maxAttempts }) => this.deliver((payload as { id: string }).id, { finalAttempt: attempt >= maxAttempts }),
    });
  }

  close(): void {
    this.transport?.close();
  }
}
