export { MAIL_DELIVER_JOB, Mailer } from './mailer.js';
export type { MailAttachment, MailMessage, MailerDeps } from './mailer.js';
