import type { MessageKey } from '../i18n/index.js';
import { Layout } from './layout.js';
import type { PageContext } from './page-context.js';

const pageTexts: Record<number, { title: MessageKey; text: MessageKey }> = {
  400: { title: 'error.badRequest.title', text: 'error.badRequest.text' },
  403: { title: 'error.forbidden.title', text: 'error.forbidden.text' },
  404: { title: 'error.notFound.title', text: 'error.notFound.text' },
  410: { title: 'error.gone.title', text: 'error.gone.text' },
  429: { title: 'error.tooMany.title', text: 'error.tooMany.text' },
  500: { title: 'error.server.title', text: 'error.server.text' },
};

export function errorPageTexts(status: number) {
  return pageTexts[status] ?? (status >= 500 ? pageTexts[500]! : pageTexts[400]!);
}

export function ErrorPage({ ctx, status }: { ctx: PageContext; status: number }) {
  const { t } = ctx;
  const texts = errorPageTexts(status);
  return (
    <Layout ctx={ctx} title={t(texts.title)}>
      <h1>{t(texts.title)}</h1>
      <p class="lead">{t(texts.text, { requestId: ctx.requestId })}</p>
      <p>
        <a href={ctx.href('/')}>{t('error.backHome')}</a>
      </p>
    </Layout>
  );
}
