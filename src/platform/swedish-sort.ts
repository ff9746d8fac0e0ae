// Sorting Swedish text the same way on SQLite and PostgreSQL (neither collates Swedish alike).

/**
 * A sort key that orders Swedish names as Swedes expect (… x y z å ä ö; é with e) on both
 * databases: lower-case ASCII only, å/ä/ö written as letters that sort after z.
 */
export function swedishSortKey(name: string): string {
  return name
    .normalize('NFC')
    .toLocaleLowerCase('sv')
    .replace(/å/g, 'zza')
    .replace(/[äæ]/g, 'zzb')
    .replace(/[öø]/g, 'zzc')
    .normalize('NFD')
    .replace(/\p{M}/gu, '');
}
