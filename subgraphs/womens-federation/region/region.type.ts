import { Directive, Field, ObjectType } from 'type-graphql';
import { Count, Rate, RecordedFigures } from '../../shared/reports/figure.type';
import { REGION_CODE_DESCRIPTION, REGION_DESCRIPTION } from '../../shared/reports/region.type';

@ObjectType({
  description:
    'The women’s federation’s figures for a region (妇联: pairings, consents, family education, parents’ contact), counting the children of ' +
    'the federation’s copy of the registry set (active files) by their place of residence, as recorded on the day (the day’s latest recording). No field names a child.',
})
export class FederationFigures extends RecordedFigures {
  @Field(() => Count, { description: 'Children of the registry set living in the region (在册儿童), as the federation’s copy holds them.' })
  registered!: Count;

  @Field(() => Count, { description: '留守儿童: of those, children left behind under the national definition on the day.' })
  leftBehind!: Count;

  @Field(() => Rate, { description: '结对帮扶 coverage: children with a pairing (proxy parent or volunteer) holding on asOf, over registered.' })
  pairingCoverage!: Rate;

  @Field(() => Rate, { description: '代理家长 coverage: left-behind children with a proxy parent (PROXY_PARENT pairing) holding on asOf, over leftBehind.' })
  proxyParentCoverage!: Rate;

  @Field(() => Count, { description: 'Children with a guardian’s consent (监护人同意) in force on asOf: given, not expired, not revoked.' })
  withActiveConsent!: Count;

  @Field(() => Rate, {
    description: '家庭教育: children who (or whose parents or guardian) attended a family-education session in the 365 days to asOf, over registered.',
  })
  familyEducationReach!: Rate;

  @Field(() => Rate, { description: '亲情联系: left-behind children with a contact with a parent logged in the 30 days to asOf, over leftBehind.' })
  parentContactCoverage!: Rate;

  @Field(() => Rate, {
    description:
      'Parent contacts per left-behind child: contacts logged in the 30 days to asOf (the numerator counts contacts, not children) over leftBehind; ' +
      '`value` is a number per child and may exceed 1.',
  })
  parentContactsPerChild!: Rate;
}

/** The region entity as this subgraph sees it: its key, to which it adds its figures. */
@Directive('@key(fields: "code")')
@ObjectType({ description: REGION_DESCRIPTION })
export class Region {
  @Field({ description: REGION_CODE_DESCRIPTION })
  code!: string;
}
