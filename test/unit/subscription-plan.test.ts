import { SUBGRAPHS } from '../../platform/subgraphs';
import { subscriptionsToCreate } from '../../subgraphs/shared/feeds/subscription-plan';

const plan = (subscriber: Parameters<typeof subscriptionsToCreate>[0], existing: Record<string, string[]> = {}) =>
  subscriptionsToCreate(subscriber, new Map(Object.entries(existing))).map(({ name, publisher, sets }) => ({
    name,
    publisher,
    sets: sets.map((set) => set.schema),
  }));

/** Which subscriptions a subscriber creates (issue 14): one per publisher on a fresh database, none that would carry a set twice. */
describe('subscriptionsToCreate', () => {
  it('makes one subscription per publisher, carrying every set the subscriber reads from it: six in all, not eight', () => {
    expect(plan('education')).toEqual([
      { name: 'education__registry_feed', publisher: 'civil-affairs', sets: ['registry_feed', 'proposal_review_feed'] },
      { name: 'education__partner_feed', publisher: 'womens-federation', sets: ['partner_feed'] },
    ]);
    expect(plan('civil-affairs')).toEqual([
      { name: 'civil_affairs__enrolment_feed', publisher: 'education', sets: ['enrolment_feed', 'proposal_feed'] },
      { name: 'civil_affairs__partner_feed', publisher: 'womens-federation', sets: ['partner_feed'] },
    ]);
    expect(SUBGRAPHS.flatMap(({ name }) => plan(name))).toHaveLength(6);
  });

  it('keeps a deployment made with one subscription per set as it is', () => {
    const perSet = {
      education__registry_feed: ['registry_feed'],
      education__proposal_review_feed: ['proposal_review_feed'],
      education__partner_feed: ['partner_feed'],
    };
    expect(plan('education', perSet)).toEqual([]);
  });

  it('subscribes only the sets no subscription carries, under a name of their own', () => {
    // A deployment whose second set of a publisher has no subscription (an operator dropped it).
    expect(plan('education', { education__registry_feed: ['registry_feed'], education__partner_feed: ['partner_feed'] })).toEqual([
      { name: 'education__proposal_review_feed', publisher: 'civil-affairs', sets: ['proposal_review_feed'] },
    ]);
    // Any subscription carrying a set counts, whatever its name (one an operator merged by hand).
    expect(plan('civil-affairs', { merged_by_hand: ['enrolment_feed', 'proposal_feed', 'partner_feed'] })).toEqual([]);
  });
});
