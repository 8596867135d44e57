import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { companyNameFor, hasCompanyName, readCompany, writeCompany } from '../../../shared/company/profile';
import { metaOf } from '../../../shared/doc/workspaceDoc';

const PNG = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';

describe('company profile', () => {
  it('never takes the workspace name; the legal name per language, else the general one', () => {
    const doc = new Y.Doc();
    doc.transact(() => metaOf(doc).set('name', '禾豐食品 2026 危機應變 🍱'), 'system');
    const empty = readCompany(doc);
    expect(hasCompanyName(empty)).toBe(false);
    expect(companyNameFor(empty, 'zh-TW')).toBe('');
    writeCompany(doc, { ...empty, name: '禾豐食品股份有限公司', names: { 'zh-TW': '', 'zh-CN': '禾丰食品股份有限公司', en: 'Hefeng Foods Co., Ltd.' }, contact: '媒體聯絡：02-1234-5678', logo: PNG }, 'user');
    const p = readCompany(doc);
    expect(companyNameFor(p, 'zh-TW')).toBe('禾豐食品股份有限公司');
    expect(companyNameFor(p, 'zh-CN')).toBe('禾丰食品股份有限公司');
    expect(companyNameFor(p, 'en')).toBe('Hefeng Foods Co., Ltd.');
    expect(p.logo).toBe(PNG);
    expect(p.contact).toBe('媒體聯絡：02-1234-5678');
  });

  it('refuses bad input with i18n keys and changes nothing', () => {
    const doc = new Y.Doc();
    const before = readCompany(doc);
    const updates: unknown[] = [];
    doc.on('update', (_u: Uint8Array, o: unknown) => updates.push(o));
    expect(() => writeCompany(doc, { ...before, logo: 'data:image/svg+xml;base64,PHN2Zz4=' }, 'user')).toThrow(/company\.errors\.logoType/);
    expect(() => writeCompany(doc, { ...before, name: 'x'.repeat(201) }, 'user')).toThrow(/company\.errors\.nameTooLong/);
    expect(() => writeCompany(doc, { ...before, contact: 'y'.repeat(301) }, 'user')).toThrow(/company\.errors\.lineTooLong/);
    expect(updates).toEqual([]);
    // A script smuggled into the stored logo is not read back as a logo.
    doc.transact(() => metaOf(doc).set('companyLogo', 'javascript:alert(1)'), 'remote');
    expect(readCompany(doc).logo).toBe('');
  });

  it('writes only what changed, with the given origin', () => {
    const doc = new Y.Doc();
    const origins: unknown[] = [];
    writeCompany(doc, { ...readCompany(doc), name: 'ACME' }, 'user');
    doc.on('update', (_u: Uint8Array, o: unknown) => origins.push(o));
    writeCompany(doc, readCompany(doc), 'user');
    expect(origins).toEqual([]);
    writeCompany(doc, { ...readCompany(doc), letterhead: '台北市信義區' }, 'import');
    expect(origins).toEqual(['import']);
  });
});
