// Why: DCAT-AP-SE wants an ADMS publisher type (dct:type) on every publisher, and the organisation
// type ("other" above all) does not always say which. The column holds the chosen type's code
// (e.g. 'NonProfitOrganisation'); null follows the organisation type as before.
// Frozen in time: this file must never import application code.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('organization').addColumn('publisher_type', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('organization').dropColumn('publisher_type').execute();
}
