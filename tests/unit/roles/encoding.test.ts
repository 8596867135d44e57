import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeCsvText, detectCsvEncoding } from '../../../shared/roles/encoding';
import { CP950_TABLE, fileBytes, GB18030_TABLE, SIMPLIFIED_TABLE, TRADITIONAL_TABLE } from './encodingFixtures';

function decoded(bytes: Uint8Array) {
  const d = decodeCsvText(bytes);
  if (!d.ok) throw new Error(`not decoded (${d.encoding ?? 'no encoding'})`);
  return d;
}

describe('CSV file encodings', () => {
  it('reads Big5 and CP950 files (Excel in Taiwan) as Big5', () => {
    for (const [text, enc] of [
      [TRADITIONAL_TABLE, 'big5'],
      [CP950_TABLE, 'cp950'],
    ] as const) {
      const d = decoded(fileBytes(text, enc));
      expect(d.encoding).toBe('big5');
      expect(d.evidence).toBe('chineseScore');
      expect(d.text).toBe(text);
    }
  });

  it('reads GBK and GB18030 files (Excel in mainland China) as GB18030', () => {
    const gbk = decoded(fileBytes(SIMPLIFIED_TABLE, 'gbk'));
    expect([gbk.encoding, gbk.text]).toEqual(['gb18030', SIMPLIFIED_TABLE]);
    // A four-byte GB18030 character: Big5 cannot read it at all.
    const gb = decoded(fileBytes(GB18030_TABLE, 'gb18030'));
    expect([gb.encoding, gb.evidence, gb.text]).toEqual(['gb18030', 'onlyDecoding', GB18030_TABLE]);
  });

  it('reads UTF-16 with and without a byte order mark, little and big endian (Excel "Unicode text", tab separated)', () => {
    const tabbed = TRADITIONAL_TABLE.replace(/,/g, '\t');
    for (const enc of ['utf-16le', 'utf-16be'] as const) {
      const withBom = decoded(fileBytes(tabbed, enc, true));
      expect([withBom.encoding, withBom.evidence, withBom.text]).toEqual([enc, 'bom', tabbed]);
      const bare = decoded(fileBytes(tabbed, enc));
      expect([bare.encoding, bare.evidence, bare.text]).toEqual([enc, 'nulPattern', tabbed]);
    }
  });

  it('reads UTF-8 with or without BOM, and plain ASCII', () => {
    const withBom = decoded(fileBytes(SIMPLIFIED_TABLE, 'utf-8', true));
    expect([withBom.encoding, withBom.evidence, withBom.text]).toEqual(['utf-8', 'bom', SIMPLIFIED_TABLE]);
    const bare = decoded(fileBytes(TRADITIONAL_TABLE, 'utf-8'));
    expect([bare.encoding, bare.evidence]).toEqual(['utf-8', 'validUtf8']);
    expect(decoded(new TextEncoder().encode('kind,unit\r\nraci,PR\r\n')).evidence).toBe('ascii');
  });

  it('tells Big5 from GBK in short tables of typical unit, crisis-type and person names (property)', () => {
    const traditional = ['客服部', '公關部', '法務部', '資訊安全部', '人力資源處', '營運中心', '董事長室', '產品瑕疵', '不實謠言', '個資外洩', '食品安全', '陳志豪', '張雅婷', '劉建國', '黃淑芬', '經理', '發言人', '聯絡窗口', '偵測', '評估', '回應', '溝通', '復原'];
    const simplified = ['客服部', '公关部', '法务部', '信息安全部', '人力资源处', '运营中心', '董事长室', '产品瑕疵', '不实谣言', '个人信息泄露', '食品安全', '陈志豪', '张雅婷', '刘建国', '黄淑芬', '经理', '发言人', '联络窗口', '侦测', '评估', '回应', '沟通', '恢复'];
    const table = (words: string[], picks: number[]) => ['unit,name', ...picks.map((p, i) => `${words[p]},${words[picks[(i + 1) % picks.length]!]}`)].join('\r\n');
    const picks = fc.array(fc.integer({ min: 0, max: traditional.length - 1 }), { minLength: 2, maxLength: 8 });
    fc.assert(
      fc.property(picks, (p) => {
        expect(detectCsvEncoding(fileBytes(table(traditional, p), 'big5'))?.encoding).toBe('big5');
        expect(detectCsvEncoding(fileBytes(table(simplified, p), 'gbk'))?.encoding).toBe('gb18030');
      }),
      { numRuns: 500 },
    );
  });

  it('reads a short GBK table that happens to be valid UTF-8 as GBK, and accented UTF-8 names as UTF-8', () => {
    const gbk = fileBytes('unit,name\r\nPR,询息要', 'gbk');
    // As UTF-8 these bytes are valid: Cyrillic and Greek letters.
    expect(new TextDecoder('utf-8', { fatal: true }).decode(gbk)).toMatch(/^unit,name\r\nPR,[\u0370-\u04FF]{3}$/);
    expect(detectCsvEncoding(gbk)?.encoding).toBe('gb18030');
    const latin = new TextEncoder().encode('unit,name\r\nLaw firm,José Müller\r\nAgency,Zoë Ødegård');
    expect(detectCsvEncoding(latin)).toMatchObject({ encoding: 'utf-8', evidence: 'validUtf8' });
  });

  it('decodes in the encoding the person picks, and refuses bytes that are not valid in it', () => {
    const big5 = fileBytes(TRADITIONAL_TABLE, 'big5');
    const asGb = decodeCsvText(big5, 'gb18030');
    expect(asGb.ok && asGb.evidence).toBe('chosen');
    expect(asGb.ok && asGb.text).not.toBe(TRADITIONAL_TABLE);
    expect(decodeCsvText(big5, 'utf-8')).toEqual({ ok: false, encoding: 'utf-8' });
    const chosen = decodeCsvText(fileBytes(TRADITIONAL_TABLE, 'utf-16le', true), 'utf-16le');
    expect(chosen.ok && chosen.text).toBe(TRADITIONAL_TABLE);
  });

  it('refuses bytes that no supported encoding reads', () => {
    expect(decodeCsvText(new Uint8Array([0x41, 0xa4, 0x20, 0x41]))).toEqual({ ok: false, encoding: null });
  });
});
