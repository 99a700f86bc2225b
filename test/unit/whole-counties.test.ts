import { MAX_COUNTY_ARMS, wholeCounties } from '../../subgraphs/civil-affairs/child/child.service';

/** Which tokens have their `children` pages read county by county (issue 14), and which by the one statement. */
describe('wholeCounties', () => {
  const counties = (n: number) => Array.from({ length: n }, (_, index) => String(341300 + index));
  const plain = { schools: [], partner: null };

  it('takes whole counties, each once', () => {
    expect(wholeCounties({ ...plain, jurisdiction: ['341322', '341321', '341322'] })).toEqual(['341322', '341321']);
  });

  it('leaves to the one statement a school, a partner, a township or an empty jurisdiction', () => {
    expect(wholeCounties({ ...plain, schools: ['8b0c4d1e-0000-4000-8000-000000000001'], jurisdiction: ['341322'] })).toBeNull();
    expect(wholeCounties({ ...plain, partner: '8b0c4d1e-0000-4000-8000-000000000002', jurisdiction: ['341322'] })).toBeNull();
    expect(wholeCounties({ ...plain, jurisdiction: ['341322', '341321101'] })).toBeNull();
    expect(wholeCounties({ ...plain, jurisdiction: [] })).toBeNull();
  });

  it('leaves to the one statement a jurisdiction of more counties than its arms are worth (their planning grows with each)', () => {
    expect(wholeCounties({ ...plain, jurisdiction: counties(MAX_COUNTY_ARMS) })).toHaveLength(MAX_COUNTY_ARMS);
    // Duplicates count once.
    expect(wholeCounties({ ...plain, jurisdiction: [...counties(MAX_COUNTY_ARMS), '341300'] })).toHaveLength(MAX_COUNTY_ARMS);
    expect(wholeCounties({ ...plain, jurisdiction: counties(MAX_COUNTY_ARMS + 1) })).toBeNull();
    expect(wholeCounties({ ...plain, jurisdiction: counties(800) })).toBeNull();
  });
});
