import { Layout, type PageContext } from '../../../platform/views/index.js';

export interface ApiOperation {
  method: string;
  path: string;
  summary: string;
}

/** A readable, accessible index of the REST API, generated from the OpenAPI document. */
export function ApiDocsPage({ ctx, operations }: { ctx: PageContext; operations: ApiOperation[] }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('apiDocs.title')} headLinks={[{ rel: 'service-desc', href: '/api/v1/openapi.json', type: 'application/json' }]}>
      <h1>{t('apiDocs.title')}</h1>
      <p class="lead">{t('apiDocs.intro')}</p>
      <p>
        <a href="/api/v1/openapi.json" type="application/json">
          {t('apiDocs.openapiLink')}
        </a>
      </p>
      <h2 id="operations-heading">{t('apiDocs.operations')}</h2>
      <div class="table-scroll" role="region" aria-labelledby="operations-heading" tabIndex={0}>
        <table>
          <thead>
            <tr>
              <th scope="col">{t('apiDocs.method')}</th>
              <th scope="col">{t('apiDocs.path')}</th>
              <th scope="col">{t('apiDocs.summary')}</th>
            </tr>
          </thead>
          <tbody>
            {operations.map((op) => (
              <tr>
                <td>
                  <code>{op.method}</code>
                </td>
                <td>
                  <code>{op.path}</code>
                </td>
                {/* Summaries come from the OpenAPI document, which is written in English. */}
                <td lang={ctx.locale === 'en' ? undefined : 'en'}>{op.summary}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h2>{t('apiDocs.errors.heading')}</h2>
      <p>{t('apiDocs.errors.text')}</p>
    </Layout>
  );
}
