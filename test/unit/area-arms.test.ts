import { MAX_AREA_ARMS, areaArms } from '../../subgraphs/civil-affairs/child/child.service';

/** Which tokens have their `children` pages read area by area (issue 14), and which by the one statement. */
describe('areaArms', () => {
  const counties = (n: number) => Array.from({ length: n }, (_, index) => String(341300 + index));
  const plain = { schools: [], partner: null };
  const arms = (jurisdiction: string[]) => areaArms({ ...plain, jurisdiction });

  it('takes whole counties, each once', () => {
    expect(arms(['341322', '341321', '341322'])).toEqual([
      { level: 'county', code: '341322' },
      { level: 'county', code: '341321' },
    ]);
  });

  it('takes each level a token may name', () => {
    expect(arms(['34'])).toEqual([{ level: 'province', code: '34' }]);
    expect(arms(['3413'])).toEqual([{ level: 'city', code: '3413' }]);
    expect(arms(['341322101'])).toEqual([{ level: 'township', code: '341322101' }]);
    expect(arms(['341322101397'])).toEqual([{ level: 'village', code: '341322101397' }]);
    expect(arms(['3412', '341322101'])).toEqual([
      { level: 'city', code: '3412' },
      { level: 'township', code: '341322101' },
    ]);
  });

  it('drops an area inside another of the token’s, so no child is read twice', () => {
    expect(arms(['341322101', '34', '3413'])).toEqual([{ level: 'province', code: '34' }]);
    expect(arms(['341322', '341322101397'])).toEqual([{ level: 'county', code: '341322' }]);
    expect(arms(['341322101397', '341322101398', '341322101'])).toEqual([{ level: 'township', code: '341322101' }]);
    expect(arms(['341322101397', '341322101398'])).toEqual([
      { level: 'village', code: '341322101397' },
      { level: 'village', code: '341322101398' },
    ]);
    // A prefix of the digits, not of the level: 3413 holds 341322 but not 341232.
    expect(arms(['3413', '341232'])).toEqual([
      { level: 'city', code: '3413' },
      { level: 'county', code: '341232' },
    ]);
  });

  it('leaves to the one statement a school, a partner, a code of no stored level or an empty jurisdiction', () => {
    expect(areaArms({ ...plain, schools: ['8b0c4d1e-0000-4000-8000-000000000001'], jurisdiction: ['341322'] })).toBeNull();
    expect(areaArms({ ...plain, partner: '8b0c4d1e-0000-4000-8000-000000000002', jurisdiction: ['341322'] })).toBeNull();
    for (const odd of ['341', '34132', '3413221', '34132210', '3413221013', '34132210139', '3413221013971'])
      expect([odd, arms(['341322', odd])]).toEqual([odd, null]);
    expect(arms(['34ab'])).toBeNull();
    expect(arms([])).toBeNull();
  });

  it('leaves to the one statement more areas than their arms are worth (their planning grows with each)', () => {
    expect(arms(counties(MAX_AREA_ARMS))).toHaveLength(MAX_AREA_ARMS);
    // Duplicates, and areas inside others, count once.
    expect(arms([...counties(MAX_AREA_ARMS), '341300', '341300101'])).toHaveLength(MAX_AREA_ARMS);
    expect(arms(counties(MAX_AREA_ARMS + 1))).toBeNull();
    expect(arms(counties(800))).toBeNull();
    expect(arms(Array.from({ length: 17 }, (_, index) => `341322101${String(200 + index)}`))).toBeNull();
  });
});
