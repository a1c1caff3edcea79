import { z } from '@hono/zod-openapi';

const count = z.number().int();
const percentage = z.number().nullable();

export const accessToWorkFiguresSchema = z
  .object({
    interns: count,
    awardedBeforeStart: count,
    awardedBeforeStartPercent: percentage,
    medianDaysApplicationToAward: z.number().nullable(),
    coachingHoursAwarded: z.number(),
    coachingHoursLogged: z.number(),
    coachingHoursLoggedPercent: percentage,
    claimsSent: count,
    claimsSentLate: count,
    claimsQueried: count,
    claimsSentLateOrQueried: count,
    claimsSentLateOrQueriedPercent: percentage,
  })
  .openapi('AccessToWorkFigures', {
    description:
      'Access to Work over the interns the filters select: awards in time, days to a decision, coaching hours logged against awarded, claims sent late or queried. Each field is defined in `definitions` as `accessToWork.<field>`.',
    example: {
      interns: 12,
      awardedBeforeStart: 9,
      awardedBeforeStartPercent: 75,
      medianDaysApplicationToAward: 64,
      coachingHoursAwarded: 1560,
      coachingHoursLogged: 1422.5,
      coachingHoursLoggedPercent: 91.2,
      claimsSent: 70,
      claimsSentLate: 6,
      claimsQueried: 3,
      claimsSentLateOrQueried: 8,
      claimsSentLateOrQueriedPercent: 11.4,
    },
  });
