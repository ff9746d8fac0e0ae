// What callers send to create or change catalog resources (the API bodies, the editor's forms after
// parsing, the demo seeder, later the importers). Every metadata field is optional here: a draft may
// lack almost everything; the publish rules (readiness.ts) say what a published resource needs.
// On update, a field that is present replaces the stored value, `null` clears it, absent keeps it.
import type { ContactAddress, ContactPoint, DataServiceMetadata, DatasetMetadata, DatasetSeriesMetadata, DistributionMetadata, Visibility } from './catalog.model.js';

type Nullable<T> = { [K in keyof T]?: T[K] | null };

/** A contact point as input: its postal address may be `null` (no address) or have empty parts. */
export type ContactPointInput = Omit<ContactPoint, 'address'> & { address?: Nullable<ContactAddress> | null };

export type DatasetFields = Nullable<Omit<DatasetMetadata, 'contactPoint'>> & { contactPoint?: ContactPointInput | null };

export interface DatasetInput extends DatasetFields {
  /** Organisation id or slug (required to create; moving a dataset to another organisation is not offered). */
  organization?: string;
  /** URL name; derived from the Swedish title when absent. */
  slug?: string;
  visibility?: Visibility;
  /** A high-value dataset under Implementing Regulation (EU) 2023/138. */
  hvd?: boolean;
}

/**
 * A distribution: `format` may be an EU file-type IRI or its code ('CSV'), `license` any spelling
 * of a licence URI. byteSize and checksum are taken from the file when one is uploaded.
 */
export type DistributionInput = Nullable<Omit<DistributionMetadata, 'file'>>;

export interface DataServiceInput extends Nullable<Omit<DataServiceMetadata, 'contactPoint'>> {
  contactPoint?: ContactPointInput | null;
  organization?: string;
  slug?: string;
  visibility?: Visibility;
  hvd?: boolean;
}

export interface SeriesInput extends Nullable<Omit<DatasetSeriesMetadata, 'contactPoint'>> {
  contactPoint?: ContactPointInput | null;
  organization?: string;
  slug?: string;
}

/** The publisher's confirmation, required to publish (each must be true). */
export interface PublishConfirmation {
  noSecrecy: boolean;
  personalDataAssessed: boolean;
  noThirdPartyRights: boolean;
  authorized: boolean;
}
