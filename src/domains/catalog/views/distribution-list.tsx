// A dataset's distributions on its page: title, format, size, licence (with "Inte öppna data" when it
// applies), checksum, the download link and a link to the preview; edit and remove for editors.
import type { PageContext } from '../../../platform/views/index.js';
import type { DistributionJson } from '../catalog.presenter.js';
import { LicenceName } from './components/licence-picker.js';
import { formatBytes, Paragraphs, pick } from './components/localized.js';
import { ConceptName } from './components/vocabulary-fields.js';

export interface DistributionItem {
  json: DistributionJson;
  /** Our download path for an uploaded file (relative, so it works behind any host name). */
  downloadHref: string | null;
  previewHref: string | null;
}

/** Long unbroken text (a checksum) with break opportunities, so it wraps on narrow screens. */
function breakable(text: string) {
  return text.match(/.{1,16}/g)!.map((part, i) => (i === 0 ? part : [<wbr />, part]));
}

/** A distribution's name: its title, else the file name, else "Distribution n". */
export function distributionName(ctx: PageContext, d: DistributionJson, index: number): string {
  return pick(d.title, ctx.locale).text || d.file?.name || ctx.t('catalogUi.distribution.numbered', { n: index + 1 });
}

export function DistributionList({ ctx, slug, items, canEdit }: { ctx: PageContext; slug: string; items: DistributionItem[]; canEdit: boolean }) {
  const { t } = ctx;
  return (
    <section aria-labelledby="distributions-heading">
      <h2 id="distributions-heading">{t('catalogUi.distributions.heading')}</h2>
      {items.length === 0 ? <p>{t('catalogUi.distributions.none')}</p> : null}
      <ul class="link-list">
        {items.map(({ json: d, downloadHref, previewHref }, index) => {
          const name = distributionName(ctx, d, index);
          const titleLang = pick(d.title, ctx.locale).lang;
          const description = pick(d.description, ctx.locale);
          const rights = pick(d.rights, ctx.locale);
          return (
            <li class="card">
              <h3 lang={titleLang}>{name}</h3>
              {description.text ? <Paragraphs text={description.text} lang={description.lang} /> : null}
              <dl class="meta-list">
                {d.format ? (
                  <>
                    <dt>{t('catalogUi.distribution.format')}</dt>
                    <dd>
                      <ConceptName ctx={ctx} scheme="fileType" iri={d.format} />
                    </dd>
                  </>
                ) : null}
                {d.mediaType ? (
                  <>
                    <dt>{t('catalogUi.distribution.mediaType')}</dt>
                    <dd>
                      <code>{d.mediaType}</code>
                    </dd>
                  </>
                ) : null}
                {d.byteSize !== undefined ? (
                  <>
                    <dt>{t('catalogUi.distribution.byteSize')}</dt>
                    <dd>{formatBytes(d.byteSize, ctx.locale)}</dd>
                  </>
                ) : null}
                <dt>{t('catalog.licence.field')}</dt>
                <dd>
                  <LicenceName ctx={ctx} iri={d.license} hint="visible" />
                </dd>
                {d.checksum ? (
                  <>
                    <dt>{t('catalogUi.distribution.checksum')}</dt>
                    <dd>
                      <code class="checksum">{breakable(d.checksum.value)}</code>
                    </dd>
                  </>
                ) : null}
                {d.status ? (
                  <>
                    <dt>{t('catalogUi.distribution.status')}</dt>
                    <dd>
                      <ConceptName ctx={ctx} scheme="distributionStatus" iri={d.status} />
                    </dd>
                  </>
                ) : null}
                {d.availability ? (
                  <>
                    <dt>{t('catalogUi.distribution.availability')}</dt>
                    <dd>
                      <ConceptName ctx={ctx} scheme="plannedAvailability" iri={d.availability} />
                    </dd>
                  </>
                ) : null}
                {rights.text ? (
                  <>
                    <dt>{t('catalogUi.distribution.rights')}</dt>
                    <dd lang={rights.lang}>{rights.text}</dd>
                  </>
                ) : null}
                {d.conformsTo.length ? (
                  <>
                    <dt>{t('catalogUi.field.conformsTo')}</dt>
                    <dd>
                      {d.conformsTo.map((url) => (
                        <>
                          <a href={url}>{url}</a>{' '}
                        </>
                      ))}
                    </dd>
                  </>
                ) : null}
                {!d.file && d.accessUrl ? (
                  <>
                    <dt>{t('catalogUi.distribution.accessUrl')}</dt>
                    <dd>
                      <a href={d.accessUrl}>{d.accessUrl}</a>
                    </dd>
                  </>
                ) : null}
              </dl>
              <p class="actions">
                {downloadHref ? (
                  <a class="button button-primary" href={downloadHref} download={d.file?.name}>
                    {t('catalogUi.distribution.download')}
                    <span class="visually-hidden"> {name}</span>
                  </a>
                ) : null}
                {previewHref ? (
                  <a href={ctx.href(previewHref)}>
                    {t('catalogUi.distribution.preview')}
                    <span class="visually-hidden"> {name}</span>
                  </a>
                ) : null}
                {canEdit ? (
                  <>
                    <a href={ctx.href(`/datasets/${slug}/distributions/${d.id}/edit`)}>
                      {t('catalogUi.distribution.edit')}
                      <span class="visually-hidden"> {name}</span>
                    </a>
                    <a href={ctx.href(`/datasets/${slug}/distributions/${d.id}/remove`)}>
                      {t('catalogUi.distribution.remove')}
                      <span class="visually-hidden"> {name}</span>
                    </a>
                  </>
                ) : null}
              </p>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
