// The first rows of a file as an accessible table: a caption, column headers with scope, and a
// horizontally scrollable region that keyboard users can focus and scroll.
import type { PageContext } from '../../../../platform/views/index.js';
import type { Preview } from '../../files/preview.js';
import type { MessageKey } from '../../../../platform/i18n/index.js';
import { messageOf } from './licence-picker.js';

const unsupportedReasons: Record<string, MessageKey> = {
  unsupportedMediaType: 'catalog.preview.format',
  notText: 'catalogUi.preview.notText',
  invalidCsv: 'catalogUi.preview.invalid',
  invalidJson: 'catalogUi.preview.invalid',
  notTabular: 'catalogUi.preview.notTabular',
  tooLargeForPreview: 'catalogUi.preview.tooLarge',
};

export function PreviewTable({ ctx, preview, caption, id = 'preview' }: { ctx: PageContext; preview: Preview; caption: string; id?: string }) {
  const { t } = ctx;
  if (preview.kind !== 'table') {
    const key = unsupportedReasons[preview.reason];
    return <p>{key ? t(key) : messageOf(ctx, preview.reason)}</p>;
  }
  if (preview.columns.length === 0 && preview.rows.length === 0) return <p>{t('catalogUi.preview.empty')}</p>;
  const width = Math.max(preview.columns.length, ...preview.rows.map((r) => r.length));
  const columns = Array.from({ length: width }, (_, i) => preview.columns[i]?.trim() || t('catalogUi.preview.column', { n: i + 1 }));
  const captionId = `${id}-caption`;
  return (
    <>
      <div class="table-scroll" role="region" aria-labelledby={captionId} tabIndex={0}>
        <table>
          <caption id={captionId}>{caption}</caption>
          <thead>
            <tr>
              {columns.map((c) => (
                <th scope="col">{c}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {preview.rows.map((row) => (
              <tr>
                {columns.map((_, i) => (
                  <td>{row[i] ?? ''}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p class="small">
        {preview.truncated ? t('catalogUi.preview.firstRows', { count: preview.rows.length }) : t('catalogUi.preview.allRows', { count: preview.rows.length })}{' '}
        {t('catalogUi.preview.encoding', { encoding: preview.encoding })}
        {preview.delimiter ? ` ${t('catalogUi.preview.delimiter', { delimiter: preview.delimiter === '\t' ? 'TAB' : preview.delimiter })}` : ''}
      </p>
    </>
  );
}
