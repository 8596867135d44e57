import { describe, expect, it } from 'vitest';
import { BACKUP_ERROR_CODES } from '../../../shared/backup';
import { backupLocales } from '../../../renderer/features/backup/locales';

describe('backup strings', () => {
  it('every error code has a sentence in zh-TW, zh-CN and en', () => {
    for (const lang of ['zh-TW', 'zh-CN', 'en'] as const) {
      const errors = backupLocales[lang].errors as Record<string, string>;
      for (const code of BACKUP_ERROR_CODES) expect(errors[code], `${lang} errors.${code}`).toMatch(/\S/);
    }
  });
});
