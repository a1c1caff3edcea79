import { z } from '@hono/zod-openapi';
import { idSchema } from '../core/db/ids.js';
import {
  addressSchema,
  adjustmentCategorySchema,
  coordinatesSchema,
  dateSchema,
  disabilityConfidentSchema,
  environmentProfileSchema,
  longText,
  sectorSchema,
  shortText,
  textList,
  timeOfDaySchema,
  weekdaySchema,
} from '../domain/schemas.js';

const isTimeOfDay = (value: string) => timeOfDaySchema.safeParse(value).success;

export const placementStatuses = ['draft', 'open', 'paused', 'filled', 'closed'] as const;
export const placementStatusSchema = z.enum(placementStatuses);
/** The statuses in which a placement is shown to young people and their coaches (if its employer is verified). */
export const publishedStatuses: (typeof placementStatuses)[number][] = ['open', 'paused', 'filled'];

export const siteSchema = z
  .strictObject({
    address: addressSchema,
    coordinates: coordinatesSchema.optional().openapi({ description: 'Leave out to place the site by its postcode.' }),
    busRoutes: textList(10, 40).default([]),
    parking: z.boolean().default(false),
    stepFreeAccess: z.boolean().default(false),
    travelNotes: longText(1000).optional(),
  })
  .openapi('PlacementSite');

export const scheduleSchema = z
  .strictObject({
    days: z.array(weekdaySchema).min(1).max(7),
    startTime: timeOfDaySchema,
    endTime: timeOfDaySchema.openapi({ description: 'After `startTime` (422 otherwise).' }),
    hoursPerWeek: z.number().min(1).max(40),
  })
  // Compared only when both are times: a malformed startTime gets its own error and no second one here.
  .refine((s) => !isTimeOfDay(s.startTime) || !isTimeOfDay(s.endTime) || s.startTime < s.endTime, {
    message: 'must be after startTime',
    path: ['endTime'],
  })
  .openapi('PlacementSchedule');

export const rotationSchema = z
  .strictObject({
    department: shortText(80),
    tasks: textList(10, 120).default([]),
    weeks: z.number().int().min(1).max(52),
  })
  .openapi('RotationPlan');

const placementFields = {
  title: shortText(120),
  description: longText(4000),
  tasks: textList(20, 120).min(1),
  sector: sectorSchema,
  site: siteSchema,
  schedule: scheduleSchema,
  startDate: dateSchema,
  durationWeeks: z.number().int().min(4).max(52),
  rotations: z.array(rotationSchema).max(6),
  places: z.number().int().min(1).max(50),
  environment: environmentProfileSchema,
  adjustmentsOffered: z.array(adjustmentCategorySchema).max(9),
  adjustmentNotes: longText(2000),
  status: placementStatusSchema,
};

export const placementInputSchema = z
  .strictObject({
    ...placementFields,
    rotations: placementFields.rotations.default([]),
    adjustmentsOffered: placementFields.adjustmentsOffered.default([]),
    adjustmentNotes: placementFields.adjustmentNotes.optional(),
    status: placementFields.status.default('draft'),
  })
  .openapi('PlacementInput');

export const placementPatchSchema = z
  .strictObject(
    Object.fromEntries(
      Object.entries(placementFields).map(([key, schema]) => [key, (schema as z.ZodType).optional()]),
    ) as {
      [K in keyof typeof placementFields]: z.ZodOptional<(typeof placementFields)[K]>;
    },
  )
  .openapi('PlacementPatch', {
    description: 'Only the fields sent are changed. Only a verified employer’s placement can be open.',
  });

export const placementSchema = z
  .object({
    id: idSchema,
    employerId: idSchema,
    employer: z.object({ name: z.string(), verified: z.boolean(), disabilityConfident: disabilityConfidentSchema }),
    title: z.string(),
    description: z.string(),
    tasks: z.array(z.string()),
    sector: sectorSchema,
    site: z.object({
      address: addressSchema,
      coordinates: coordinatesSchema,
      busRoutes: z.array(z.string()),
      parking: z.boolean(),
      stepFreeAccess: z.boolean(),
      travelNotes: z.string().optional(),
    }),
    schedule: scheduleSchema,
    startDate: z.string(),
    durationWeeks: z.number().int(),
    rotations: z.array(rotationSchema),
    places: z.number().int(),
    placesFilled: z.number().int(),
    placesFree: z.number().int(),
    environment: environmentProfileSchema,
    adjustmentsOffered: z.array(adjustmentCategorySchema),
    adjustmentNotes: z.string().optional(),
    status: placementStatusSchema,
    statusReason: z.string().optional().openapi({
      description:
        'Why the service set this status, for example paused because the employer’s verification was withdrawn.',
    }),
    publishWhenVerified: z.boolean().optional().openapi({
      description:
        'A draft its employer asked to publish before a provider verified the employer: it opens when the verification is granted (unless its start date has passed by then).',
    }),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('Placement');

export type PlacementInput = z.output<typeof placementInputSchema>;
export type PlacementPatch = z.output<typeof placementPatchSchema>;
