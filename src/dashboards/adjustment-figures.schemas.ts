import { z } from '@hono/zod-openapi';

const count = z.number().int();
const percentage = z.number().nullable();

export const adjustmentFiguresSchema = z
  .object({
    requests: count,
    agreed: count,
    notPossible: count,
    agreedWithFirstTwoWeeksOver: count,
    inPlaceWithin14Days: count,
    inPlaceWithin14DaysPercent: percentage,
    checked: count,
    foundHelpful: count,
    foundHelpfulPercent: percentage,
  })
  .openapi('AdjustmentFigures', {
    description:
      'Workplace adjustments on the journeys the filters select: requested, agreed, not possible, in place within 14 days of the placement’s start, checked by the young person and found helpful ("yes" or "a bit"). Each field is defined in `definitions` as `adjustments.<field>`.',
    example: {
      requests: 40,
      agreed: 34,
      notPossible: 4,
      agreedWithFirstTwoWeeksOver: 30,
      inPlaceWithin14Days: 27,
      inPlaceWithin14DaysPercent: 90,
      checked: 25,
      foundHelpful: 22,
      foundHelpfulPercent: 88,
    },
  });
