// The alias table in the state folder (.analyse/aliases.json or --state DIR).
import { diagnostic, type Result } from '../diagnostics.js';
import { ALIAS_TABLE_FILE, type AliasTable, parseAliasTable, renderAliasTable } from '../review/aliases.js';
import { readState, writeState } from './state.js';

export async function loadAliasTable(dir: string): Promise<Result<AliasTable>> {
  return parseAliasTable(`${dir}/${ALIAS_TABLE_FILE}`, await readState(dir, ALIAS_TABLE_FILE));
}

export async function saveAliasTable(dir: string, table: AliasTable): Promise<Result<void>> {
  try {
    await writeState(dir, ALIAS_TABLE_FILE, renderAliasTable(table));
    return { ok: true, value: undefined };
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? 'error';
    return {
      ok: false,
      diagnostics: [
        diagnostic(
          `${dir}/${ALIAS_TABLE_FILE}`,
          'state/unwritable',
          `Cannot save the alias table (${code}); aliases of new reports may change next run`,
          undefined,
          'warning',
        ),
      ],
    };
  }
}
