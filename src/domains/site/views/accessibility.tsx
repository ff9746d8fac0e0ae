import { formatDate } from '../../../platform/i18n/index.js';
import { Layout, type PageContext } from '../../../platform/views/index.js';

/** The accessibility statement (tillgänglighetsredogörelse) required by the DOS law. */
export function AccessibilityPage({ ctx, updatedAt }: { ctx: PageContext; updatedAt: Date }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('accessibility.title')}>
      <h1>{t('accessibility.title')}</h1>
      <p class="lead">{t('accessibility.intro')}</p>
      <h2>{t('accessibility.status.heading')}</h2>
      <p>{t('accessibility.status.text')}</p>
      <h2>{t('accessibility.known.heading')}</h2>
      <p>{t('accessibility.known.text')}</p>
      <h2>{t('accessibility.report.heading')}</h2>
      <p>{t('accessibility.report.text')}</p>
      <h2>{t('accessibility.supervision.heading')}</h2>
      <p>{t('accessibility.supervision.text')}</p>
      <p>
        <a href="https://www.digg.se/tdosanmalan">{t('accessibility.supervision.link')}</a>
      </p>
      <h2>{t('accessibility.method.heading')}</h2>
      <p>{t('accessibility.method.text', { date: formatDate(ctx.locale, updatedAt) })}</p>
    </Layout>
  );
}
