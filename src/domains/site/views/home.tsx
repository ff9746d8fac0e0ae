import { Layout, type PageContext } from '../../../platform/views/index.js';
import type { MessageKey } from '../../../platform/i18n/index.js';

const pillars: { title: MessageKey; text: MessageKey }[] = [
  { title: 'home.pillar.share.title', text: 'home.pillar.share.text' },
  { title: 'home.pillar.licences.title', text: 'home.pillar.licences.text' },
  { title: 'home.pillar.workshops.title', text: 'home.pillar.workshops.text' },
  { title: 'home.pillar.knowledge.title', text: 'home.pillar.knowledge.text' },
  { title: 'home.pillar.benefit.title', text: 'home.pillar.benefit.text' },
  { title: 'home.pillar.proactive.title', text: 'home.pillar.proactive.text' },
];

export function HomePage({ ctx }: { ctx: PageContext }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('home.title')}>
      <section class="hero" aria-labelledby="home-heading">
        <h1 id="home-heading">{t('home.heading')}</h1>
        <p class="lead">{t('home.lead')}</p>
      </section>
      <section aria-labelledby="pillars-heading">
        <h2 id="pillars-heading">{t('home.pillars.heading')}</h2>
        <ul class="card-grid">
          {pillars.map((p) => (
            <li class="card">
              <h3>{t(p.title)}</h3>
              <p>{t(p.text)}</p>
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="machines-heading">
        <h2 id="machines-heading">{t('home.machines.heading')}</h2>
        <p>{t('home.machines.text')}</p>
        <p>
          <a href={ctx.href('/developers/api')}>{t('home.machines.link')}</a>
        </p>
      </section>
    </Layout>
  );
}
