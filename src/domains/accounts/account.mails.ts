// The accounts domain's e-mails, in the recipient's language, texts from the message catalogs.
import { translator, type Locale } from '../../platform/i18n/index.js';
import type { MailMessage } from '../../platform/mail/index.js';

export type MailLocale = Locale;

export function asLocale(value: string | undefined): Locale {
  return value === 'en' ? 'en' : 'sv';
}

/** Absolute link in the recipient's language. */
export function mailLink(baseUrl: string, locale: Locale, path: string): string {
  return `${baseUrl}${locale === 'en' ? '/en' : ''}${path}`;
}

export const accountMails = {
  confirmEmail(to: string, locale: Locale, link: string): MailMessage {
    const t = translator(locale);
    return { to, subject: t('mail.confirmEmail.subject'), text: t('mail.confirmEmail.text', { link }) };
  },
  signupExisting(to: string, locale: Locale, loginLink: string, resetLink: string): MailMessage {
    const t = translator(locale);
    return { to, subject: t('mail.signupExisting.subject'), text: t('mail.signupExisting.text', { loginLink, resetLink }) };
  },
  resetPassword(to: string, locale: Locale, link: string): MailMessage {
    const t = translator(locale);
    return { to, subject: t('mail.resetPassword.subject'), text: t('mail.resetPassword.text', { link }) };
  },
  changeEmail(to: string, locale: Locale, link: string): MailMessage {
    const t = translator(locale);
    return { to, subject: t('mail.changeEmail.subject'), text: t('mail.changeEmail.text', { link }) };
  },
  emailChangedNotice(to: string, locale: Locale, newEmail: string): MailMessage {
    const t = translator(locale);
    return { to, subject: t('mail.emailChanged.subject'), text: t('mail.emailChanged.text', { newEmail }) };
  },
  invitation(to: string, locale: Locale, link: string, inviter: string, organization: string | undefined): MailMessage {
    const t = translator(locale);
    return organization
      ? { to, subject: t('mail.invitationOrg.subject', { organization }), text: t('mail.invitationOrg.text', { link, inviter, organization }) }
      : { to, subject: t('mail.invitationSite.subject'), text: t('mail.invitationSite.text', { link, inviter }) };
  },
};
