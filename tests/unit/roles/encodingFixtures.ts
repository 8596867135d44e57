import iconv from 'iconv-lite';

/**
 * Realistic role tables as spreadsheet apps save them, made with a real encoder (iconv-lite:
 * Node's TextDecoder decodes Big5 and GBK but cannot encode them).
 */

/** A Traditional Chinese table (Taiwan): people and the matrix, as Excel's "CSV" writes it. */
export const TRADITIONAL_TABLE = [
  'kind,crisis_type,phase,unit,role,name,title,phone,email',
  'person,,,客服部,,王小明,客服主任,02-2345-6789 分機 301,ming.wang@example.com.tw',
  'person,,,公關部,,陳志豪,公關經理,0912-345-678,chih-hao.chen@example.com.tw',
  'person,,,法務部,,李律師,法務長,02-8765-4321,lawyer.lee@example.com.tw',
  'first_responder,產品瑕疵,,客服部,,,,,',
  'raci,產品瑕疵,偵測,客服部,R,,,,',
  'raci,產品瑕疵,偵測,公關部,A,,,,',
  'raci,產品瑕疵,評估,法務部,C,,,,',
  'raci,不實謠言,回應,公關部,A,,,,',
  'raci,不實謠言,溝通,客服部,I,,,,',
].join('\r\n');

/** The same table in Simplified Chinese (mainland China). */
export const SIMPLIFIED_TABLE = [
  'kind,crisis_type,phase,unit,role,name,title,phone,email',
  'person,,,客服部,,王小明,客服主管,010-6543-2100 转 301,ming.wang@example.com.cn',
  'person,,,公关部,,陈志豪,公关经理,139-1234-5678,zhihao.chen@example.com.cn',
  'person,,,法务部,,李律师,法务总监,021-8765-4321,lawyer.li@example.com.cn',
  'first_responder,产品瑕疵,,客服部,,,,,',
  'raci,产品瑕疵,侦测,客服部,R,,,,',
  'raci,产品瑕疵,侦测,公关部,A,,,,',
  'raci,产品瑕疵,评估,法务部,C,,,,',
  'raci,不实谣言,回应,公关部,A,,,,',
  'raci,不实谣言,沟通,客服部,I,,,,',
].join('\r\n');

/** Simplified, with a name only GB18030 can hold (four-byte sequence). */
export const GB18030_TABLE = SIMPLIFIED_TABLE.replace('陈志豪', '𠮷田志豪');

/** Traditional, with characters of CP950 (Microsoft's Big5): 碁, 銹 and the euro sign. */
export const CP950_TABLE = TRADITIONAL_TABLE.replace('公關經理', '圍碁社長（€ 預算）').replace('法務長', '防銹處理顧問');

export type FixtureEncoding = 'big5' | 'cp950' | 'gbk' | 'gb18030' | 'utf-16le' | 'utf-16be' | 'utf-8';

/** `text` as the bytes of a file in `encoding`, with or without a byte order mark. */
export function fileBytes(text: string, encoding: FixtureEncoding, bom = false): Uint8Array {
  const body = iconv.encode(text, encoding === 'utf-16le' ? 'utf16le' : encoding === 'utf-16be' ? 'utf16be' : encoding, { addBOM: false });
  const mark = !bom ? [] : encoding === 'utf-8' ? [0xef, 0xbb, 0xbf] : encoding === 'utf-16le' ? [0xff, 0xfe] : encoding === 'utf-16be' ? [0xfe, 0xff] : [];
  return new Uint8Array([...mark, ...body]);
}
