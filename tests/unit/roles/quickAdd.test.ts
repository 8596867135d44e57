import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { readRoleMap } from '../../../shared/roles/roleMap';
import { parseQuickAdd, quickAddPerson, splitContact } from '../../../shared/roles/quickAdd';
import { validateRoleMap } from '../../../shared/roles/validate';
import { NOW, smallMap } from './fixture';

describe('quick add: the contact field', () => {
  it('takes a phone number, an e-mail address, or both in one field', () => {
    expect(splitContact('0912-345-678')).toEqual({ phone: '0912-345-678', email: '' });
    expect(splitContact(' ming@example.com.tw ')).toEqual({ phone: '', email: 'ming@example.com.tw' });
    expect(splitContact('02 2345 6789 分機 12 / ming@example.com')).toEqual({ phone: '02 2345 6789 分機 12', email: 'ming@example.com' });
    expect(splitContact('ming@example.com，0912345678')).toEqual({ phone: '0912345678', email: 'ming@example.com' });
    expect(splitContact('')).toEqual({ phone: '', email: '' });
  });

  it('names what is wrong: a bad e-mail, two e-mails, text that is neither', () => {
    expect(splitContact('ming@example')).toMatchObject({ field: 'contact', code: 'emailMalformed', value: 'ming@example' });
    expect(splitContact('a@b.com c@d.com')).toMatchObject({ code: 'twoEmails' });
    expect(splitContact('call me')).toMatchObject({ code: 'phoneMalformed', value: 'call me' });
  });
});

describe('quick add: checking a row', () => {
  it('accepts a full row and says which person is whose backup', () => {
    const { doc, units, people } = smallMap();
    const map = readRoleMap(doc);
    const spokes = people[units.pr]![0]!;
    const r = parseQuickAdd({ name: ' 周怡君 ', unitId: units.pr, contact: '0922-111-222 / yc@example.com', relation: `for:${spokes}` }, map);
    expect(r).toEqual({ ok: true, person: { name: '周怡君', unitId: units.pr, phone: '0922-111-222', email: 'yc@example.com', backupMemberId: '', backupOfMemberId: spokes } });
    const by = parseQuickAdd({ name: '周怡君', unitId: units.pr, contact: '', relation: `by:${spokes}` }, map);
    expect(by.ok && [by.person.backupMemberId, by.person.backupOfMemberId]).toEqual([spokes, '']);
  });

  it('refuses an empty name, a bad e-mail, a unit or backup no longer on the map — every problem at once', () => {
    const { doc, units } = smallMap();
    const map = readRoleMap(doc);
    expect(parseQuickAdd({ name: '   ', unitId: units.cs, contact: 'x@y', relation: '' }, map)).toEqual({
      ok: false,
      errors: [
        { field: 'name', code: 'nameRequired' },
        { field: 'contact', code: 'emailMalformed', value: 'x@y' },
      ],
    });
    expect(parseQuickAdd({ name: '周怡君', unitId: 'gone', contact: 'x@y', relation: 'by:gone' }, map)).toEqual({
      ok: false,
      errors: [
        { field: 'unitId', code: 'unitMissing' },
        { field: 'contact', code: 'emailMalformed', value: 'x@y' },
        { field: 'relation', code: 'backupMissing' },
      ],
    });
  });

  it('refuses what no form could send: wrong types, a relation of another kind, an over-long name', () => {
    const { doc, units } = smallMap();
    const map = readRoleMap(doc);
    expect(parseQuickAdd(null, map).ok).toBe(false);
    expect(parseQuickAdd({ name: 42, unitId: units.cs, contact: '', relation: '' }, map)).toEqual({ ok: false, errors: [{ field: 'name', code: 'nameRequired' }] });
    expect(parseQuickAdd({ name: 'a', unitId: units.cs, contact: '', relation: 'boss:x' }, map)).toEqual({ ok: false, errors: [{ field: 'relation', code: 'relationMalformed' }] });
    expect(parseQuickAdd({ name: 'a'.repeat(121), unitId: units.cs, contact: '', relation: '' }, map)).toEqual({ ok: false, errors: [{ field: 'name', code: 'nameTooLong' }] });
  });
});

describe('quick add: writing', () => {
  it('adds the person, confirmed now, and sets the backup in one user transaction', () => {
    const { doc, units, people } = smallMap();
    const spokes = people[units.pr]![0]!;
    const origins: unknown[] = [];
    doc.on('afterTransaction', (tr: Y.Transaction) => origins.push(tr.origin));
    const r = parseQuickAdd({ name: '周怡君', unitId: units.pr, contact: 'yc@example.com', relation: `for:${spokes}` }, readRoleMap(doc));
    if (!r.ok) throw new Error('refused');
    const id = quickAddPerson(doc, r.person, NOW, 'user');
    expect(origins).toEqual(['user']);
    const pr = readRoleMap(doc).units.find((u) => u.id === units.pr)!;
    expect(pr.members.at(-1)).toMatchObject({ id, name: '周怡君', email: 'yc@example.com', phone: '', reviewedAt: NOW, backupMemberId: '' });
    expect(pr.members.find((m) => m.id === spokes)!.backupMemberId).toBe(id);
    // The new person is reachable, confirmed and nobody's backup is missing: no issue names them.
    expect(validateRoleMap(readRoleMap(doc), NOW).filter((i) => i.memberId === id)).toEqual([]);
  });

  it('gives the new person their backup when it is "their backup is…"', () => {
    const { doc, units, people } = smallMap();
    const colleague = people[units.cs]![1]!;
    const r = parseQuickAdd({ name: '吳佩珊', unitId: units.cs, contact: '0933-000-111', relation: `by:${colleague}` }, readRoleMap(doc));
    if (!r.ok) throw new Error('refused');
    const id = quickAddPerson(doc, r.person, NOW, 'user');
    const cs = readRoleMap(doc).units.find((u) => u.id === units.cs)!;
    expect(cs.members.find((m) => m.id === id)).toMatchObject({ name: '吳佩珊', phone: '0933-000-111', backupMemberId: colleague });
    expect(cs.members.find((m) => m.id === colleague)!.backupMemberId).toBe('');
  });
});
