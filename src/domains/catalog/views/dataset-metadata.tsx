// A dataset's descriptive metadata as a definition list, with vocabulary labels in the page's
// language; empty fields are left out.
import type { ComponentChildren } from 'preact';
import type { PageContext } from '../../../platform/views/index.js';
import type { DatasetJson } from '../catalog.presenter.js';
import { ContactAddressView, ContactPointView } from './components/contact-point.js';
import { formatDay, Localized, pick } from './components/localized.js';
import { ConceptName } from './components/vocabulary-fields.js';
import type { SchemeName } from '../vocabularies/index.js';

function Row({ label, children, when = true }: { label: string; children: ComponentChildren; when?: boolean }) {
  if (!when) return null;
  return (
    <>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </>
  );
}

export function Links({ urls }: { urls: string[] }) {
  return (
    <ul class="link-list">
      {urls.map((url) => (
        <li>
          <a href={url}>{url}</a>
        </li>
      ))}
    </ul>
  );
}

export function Concepts({ ctx, scheme, iris }: { ctx: PageContext; scheme: SchemeName; iris: string[] }) {
  return (
    <>
      {iris.map((iri, i) => (
        <>
          {i > 0 ? ', ' : ''}
          <ConceptName ctx={ctx} scheme={scheme} iri={iri} />
        </>
      ))}
    </>
  );
}

/** Keywords in the page's language, else the other one (marked). */
export function Keywords({ ctx, keywords }: { ctx: PageContext; keywords: { sv?: string[]; en?: string[] } }) {
  const own = keywords[ctx.locale] ?? [];
  const other = ctx.locale === 'sv' ? 'en' : 'sv';
  const words = own.length ? own : (keywords[other] ?? []);
  return <span lang={own.length ? undefined : other}>{words.join(', ')}</span>;
}

export function DatasetMetadataList({ ctx, dataset }: { ctx: PageContext; dataset: DatasetJson }) {
  const { t } = ctx;
  const d = dataset;
  const hasKeywords = Boolean(d.keywords.sv?.length || d.keywords.en?.length);
  const versionNotes = pick(d.versionNotes, ctx.locale);
  return (
    <dl class="meta-list">
      <Row label={t('catalogUi.field.organization')}>
        <a href={ctx.href(`/organizations/${d.organization.slug}`)}>
          <Localized text={d.organization.name} locale={ctx.locale} />
        </a>
      </Row>
      <Row label={t('catalogUi.field.keywords')} when={hasKeywords}>
        <Keywords ctx={ctx} keywords={d.keywords} />
      </Row>
      <Row label={t('catalogUi.field.themes')} when={d.themes.length > 0}>
        <Concepts ctx={ctx} scheme="dataTheme" iris={d.themes} />
      </Row>
      <Row label={t('catalogUi.field.hvdCategories')} when={d.hvdCategories.length > 0}>
        <Concepts ctx={ctx} scheme="hvdCategory" iris={d.hvdCategories} />
      </Row>
      <Row label={t('catalogUi.contact.legend')} when={Boolean(d.contactPoint)}>
        {d.contactPoint ? <ContactPointView contact={d.contactPoint} /> : null}
      </Row>
      <Row label={t('catalogUi.contact.address')} when={Boolean(d.contactPoint?.address)}>
        {d.contactPoint?.address ? <ContactAddressView address={d.contactPoint.address} /> : null}
      </Row>
      <Row label={t('catalogUi.field.issued')} when={Boolean(d.issued)}>
        {formatDay(ctx.locale, d.issued)}
      </Row>
      <Row label={t('catalogUi.field.modified')} when={Boolean(d.modified)}>
        {formatDay(ctx.locale, d.modified)}
      </Row>
      <Row label={t('catalogUi.field.updatedAt')}>{formatDay(ctx.locale, d.updatedAt)}</Row>
      <Row label={t('catalogUi.field.temporal')} when={d.temporal.length > 0}>
        {d.temporal.map((p, i) => (
          <>
            {i > 0 ? '; ' : ''}
            {formatDay(ctx.locale, p.start) || '…'} – {formatDay(ctx.locale, p.end) || '…'}
          </>
        ))}
      </Row>
      <Row label={t('catalogUi.field.spatial')} when={d.spatial.length > 0}>
        <Links urls={d.spatial} />
      </Row>
      <Row label={t('catalogUi.field.accrualPeriodicity')} when={Boolean(d.accrualPeriodicity)}>
        <ConceptName ctx={ctx} scheme="frequency" iri={d.accrualPeriodicity ?? ''} />
      </Row>
      <Row label={t('catalogUi.field.accessRights')} when={Boolean(d.accessRights)}>
        <ConceptName ctx={ctx} scheme="accessRight" iri={d.accessRights ?? ''} />
      </Row>
      <Row label={t('catalogUi.field.languages')} when={d.languages.length > 0}>
        <Concepts ctx={ctx} scheme="language" iris={d.languages} />
      </Row>
      <Row label={t('catalogUi.field.conformsTo')} when={d.conformsTo.length > 0}>
        <Links urls={d.conformsTo} />
      </Row>
      <Row label={t('catalogUi.field.landingPage')} when={Boolean(d.landingPage)}>
        <Links urls={[d.landingPage ?? '']} />
      </Row>
      <Row label={t('catalogUi.field.documentation')} when={d.documentation.length > 0}>
        <Links urls={d.documentation} />
      </Row>
      <Row label={t('catalogUi.field.version')} when={Boolean(d.version)}>
        {d.version}
      </Row>
      <Row label={t('catalogUi.field.versionNotes')} when={Boolean(versionNotes.text)}>
        <span lang={versionNotes.lang}>{versionNotes.text}</span>
      </Row>
      <Row label={t('catalogUi.field.identifier')} when={Boolean(d.identifier)}>
        {d.identifier}
      </Row>
      <Row label={t('catalogUi.field.series')} when={Boolean(d.series)}>
        {d.series ? (
          <a href={ctx.href(`/series/${d.series.slug}`)}>
            <Localized text={d.series.title} locale={ctx.locale} />
          </a>
        ) : null}
      </Row>
      <Row label={t('catalogUi.field.dataServices')} when={d.dataServices.length > 0}>
        <ul class="link-list">
          {d.dataServices.map((s) => (
            <li>
              <a href={ctx.href(`/data-services/${s.slug}`)}>
                <Localized text={s.title} locale={ctx.locale} />
              </a>
            </li>
          ))}
        </ul>
      </Row>
      <Row label={t('catalogUi.field.applicableLegislation')} when={d.applicableLegislation.length > 0}>
        <Links urls={d.applicableLegislation} />
      </Row>
    </dl>
  );
}
