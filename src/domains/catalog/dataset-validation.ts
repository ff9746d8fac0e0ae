// The dataset editor shows how the saved dataset fares against DCAT-AP, DCAT-AP HVD and
// DCAT-AP-SE as it would be exported. The validator lives in the DCAT domain, which depends on the
// catalog, so the catalog receives it as a function bound once both exist (src/domains.ts).
import type { Locale } from '../../platform/i18n/index.js';
import type { DatasetView } from './catalog.service.js';

export interface EditorValidationIssue {
  severity: 'violation' | 'warning' | 'info';
  resourceType: string | null;
  resourceTitle: string | null;
  propertyLabel: string | null;
  value: string | null;
  message: string;
  hint: string;
}

export interface EditorValidation {
  /** Nothing is an error (warnings and suggestions do not count). */
  conforms: boolean;
  counts: { violation: number; warning: number; info: number };
  violations: EditorValidationIssue[];
}

export type DatasetValidator = (view: DatasetView, locale: Locale) => Promise<EditorValidation | undefined>;
