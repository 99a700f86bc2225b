import { randomBytes } from 'node:crypto';
import { NationalIdCipher } from '../../subgraphs/civil-affairs/national-id-cipher';
import { assertNationalIdMatches, composeNationalId, nationalIdCheckCharacter, parseNationalId } from '../../standards/national-id';

describe('GB 11643 national ID', () => {
  it('computes the ISO 7064 MOD 11-2 check character, including X', () => {
    // The standard's worked example.
    expect(nationalIdCheckCharacter('11010519491231002')).toBe('X');
    expect(parseNationalId('11010519491231002x')).toEqual({ value: '11010519491231002X', birthDate: '1949-12-31', gender: 'FEMALE' });
  });

  it('reads the birth date and gender (odd sequence = male)', () => {
    const id = composeNationalId('341322', '2015-06-01', 13);
    expect(parseNationalId(id)).toMatchObject({ birthDate: '2015-06-01', gender: 'MALE' });
    expect(() => assertNationalIdMatches(parseNationalId(id), '2015-06-01', 'MALE')).not.toThrow();
    expect(() => assertNationalIdMatches(parseNationalId(id), '2015-06-02', 'MALE')).toThrow(/birth date/);
    expect(() => assertNationalIdMatches(parseNationalId(id), '2015-06-01', 'FEMALE')).toThrow(/gender/);
  });

  it.each([
    ['too short', '3413222015060101'],
    ['letters', '34132220150601ABC1'],
    ['impossible date', composeNationalId('341322', '2015-02-30', 11)],
    ['a date before 1900', composeNationalId('341322', '1899-12-31', 11)],
    ['no real division (999999)', composeNationalId('999999', '2015-06-01', 11)],
    ['no real division (000000)', composeNationalId('000000', '2015-06-01', 11)],
    ['a prefecture that does not exist (3499xx)', composeNationalId('349901', '2015-06-01', 11)],
  ])('rejects %s', (_label, value) => {
    expect(() => parseNationalId(value)).toThrow(expect.objectContaining({ extensions: expect.objectContaining({ code: 'INVALID_NATIONAL_ID' }) }));
  });

  it('accepts a former county code under a real prefecture (an ID keeps its first code for life)', () => {
    // 341321 (砀山县) exists; 341399 does not, but lies under 宿州市 (3413).
    expect(parseNationalId(composeNationalId('341399', '2015-06-01', 13)).birthDate).toBe('2015-06-01');
  });

  it('rejects a wrong check digit', () => {
    const id = composeNationalId('341322', '2015-06-01', 13);
    const wrong = id.slice(0, 17) + (id[17] === '0' ? '1' : '0');
    expect(() => parseNationalId(wrong)).toThrow(/check digit/);
  });
});

describe('national ID cipher', () => {
  const cipher = new NationalIdCipher(randomBytes(32), randomBytes(32));
  const id = composeNationalId('341322', '2015-06-01', 13);

  it('round-trips, with a fresh IV each time', () => {
    const a = cipher.encrypt(id);
    const b = cipher.encrypt(id);
    expect(a).not.toBe(b);
    expect(cipher.decrypt(a)).toBe(id);
    expect(a).not.toContain(id);
  });

  it('detects tampering', () => {
    const stored = cipher.encrypt(id);
    const bytes = Buffer.from(stored.slice(3), 'base64');
    bytes[bytes.length - 1] ^= 1;
    expect(() => cipher.decrypt(`v1:${bytes.toString('base64')}`)).toThrow();
  });

  it('hashes deterministically per key', () => {
    expect(cipher.lookupHash(id)).toBe(cipher.lookupHash(id));
    expect(new NationalIdCipher(randomBytes(32), randomBytes(32)).lookupHash(id)).not.toBe(cipher.lookupHash(id));
  });
});
