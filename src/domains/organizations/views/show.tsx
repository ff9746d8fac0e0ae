// /organizations/{slug}: an organisation's public page.
import type { VNode } from 'preact';
import { Layout, type PageContext } from '../../../platform/views/index.js';
import type { OrganizationView } from '../organization.presenter.js';
import { Lang, publisherTypeLabels, typeLabels } from './shared.js';

export interface ShowPageProps {
  ctx: PageContext;
  org: OrganizationView;
  /** The description as sanitised HTML (rendered from Markdown). */
  descriptionHtml: string | null;
  memberCount: number;
  /** Sections other domains add (the catalog's datasets and APIs). */
  sections?: VNode | null;
}

export function OrganizationPage({ ctx, org, descriptionHtml, memberCount, sections }: ShowPageProps) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={org.name}>
      <p>
        <a href={ctx.href('/organizations')}>{t('organizations.backToList')}</a>
      </p>
      {org.logoPath ? <img src={org.logoPath} alt={t('organizations.logoAlt', { name: org.name })} width={128} /> : null}
      <h1>
        <Lang lang={org.nameLang}>{org.name}</Lang>
      </h1>
      {org.abilities.edit || org.abilities.viewMembers ? (
        <p class="actions">
          {org.abilities.edit ? (
            <a class="button button-secondary" href={ctx.href(`/organizations/${org.slug}/edit`)}>
              {t('organizations.edit.link')}
            </a>
          ) : null}
          {org.abilities.viewMembers ? (
            <a class="button button-secondary" href={ctx.href(`/organizations/${org.slug}/members`)}>
              {t('organizations.members.link')}
            </a>
          ) : null}
        </p>
      ) : null}

      <section aria-labelledby="facts-heading">
        <h2 id="facts-heading">{t('organizations.show.facts')}</h2>
        <dl class="meta-list">
          <dt>{t('organizations.field.type')}</dt>
          <dd>{t(typeLabels[org.type])}</dd>
          {org.publisherType ? (
            <>
              <dt>{t('organizations.field.publisherType')}</dt>
              <dd>{t(publisherTypeLabels[org.publisherType])}</dd>
            </>
          ) : null}
          {org.orgNumber ? (
            <>
              <dt>{t('organizations.field.orgNumber')}</dt>
              <dd>{org.orgNumber}</dd>
            </>
          ) : null}
          {org.website ? (
            <>
              <dt>{t('organizations.field.website')}</dt>
              <dd>
                <a href={org.website} rel="nofollow ugc">
                  {org.website}
                </a>
              </dd>
            </>
          ) : null}
          {org.contactEmail ? (
            <>
              <dt>{t('organizations.field.contactEmail')}</dt>
              <dd>
                <a href={`mailto:${org.contactEmail}`}>{org.contactEmail}</a>
              </dd>
            </>
          ) : null}
          <dt>{t('organizations.show.members')}</dt>
          <dd>{memberCount}</dd>
        </dl>
      </section>

      <section aria-labelledby="about-heading">
        <h2 id="about-heading">{t('organizations.show.about')}</h2>
        {descriptionHtml ? (
          <div class="prose" lang={org.descriptionLang} dangerouslySetInnerHTML={{ __html: descriptionHtml }} />
        ) : (
          <p>{t('organizations.show.noDescription')}</p>
        )}
      </section>
      {sections ?? null}
    </Layout>
  );
}
