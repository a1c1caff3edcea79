import { csvField } from '../core/csv.js';
import type { StudyInternship } from '../read-models/study.js';
import type { StudyProgramme } from './study.repository.js';

/** The ILR's learning aim reference for a work placement: the supported internship's core aim. */
export const workPlacementAim = 'Z0002347';

/**
 * The ILR's work placement mode: 1 is an internal (simulated) placement, 2 an external one with an
 * employer. Every placement this service records is at an employer's workplace, so it is always 2.
 */
export const externalWorkPlacementMode = 2;

/** One internship as the ILR's work placement record names its fields, with who and where beside them. */
export interface IlrRow {
  learnRefNumber: string | null;
  youngPersonId: string;
  name: string;
  learnAimRef: typeof workPlacementAim;
  workPlaceStartDate: string;
  workPlaceEndDate: string | null;
  workPlaceHours: number | null;
  workPlaceMode: number;
  workPlaceEmpId: string | null;
  employerName: string;
  placementMatchId: string;
}

/** The ILR fields under their ILR names, then the service's own columns that say whose row it is. */
export const ilrCsvColumns = [
  'LearnRefNumber',
  'LearnAimRef',
  'WorkPlaceStartDate',
  'WorkPlaceEndDate',
  'WorkPlaceHours',
  'WorkPlaceMode',
  'WorkPlaceEmpId',
  'young_person_id',
  'name',
  'employer_name',
  'placement_match_id',
] as const;

/** The rows of the export, one per internship (placement match) that started, in the order given. */
export function ilrRows(input: {
  internships: StudyInternship[];
  programmes: StudyProgramme[];
  names: Map<string, string>;
  placementHours: Map<string, number>;
  employers: Map<string, { name: string; employerReferenceNumber?: string }>;
}): IlrRow[] {
  const references = new Map(
    input.programmes.map((programme) => [programme.youngPersonId, programme.learnerReference ?? null]),
  );
  return input.internships.map((internship) => {
    const employer = input.employers.get(internship.employerId);
    const hours = input.placementHours.get(internship.placementId);
    return {
      learnRefNumber: references.get(internship.youngPersonId) ?? null,
      youngPersonId: internship.youngPersonId,
      name: input.names.get(internship.youngPersonId) ?? '',
      learnAimRef: workPlacementAim,
      workPlaceStartDate: internship.startedOn!,
      workPlaceEndDate: internship.endedOn ?? null,
      workPlaceHours: hours === undefined ? null : Math.round(hours),
      workPlaceMode: externalWorkPlacementMode,
      workPlaceEmpId: employer?.employerReferenceNumber ?? null,
      employerName: employer?.name ?? '',
      placementMatchId: internship.id,
    };
  });
}

/** The export as CSV: UTF-8 with a byte-order mark, CRLF line ends, a header row. */
export function ilrCsv(rows: IlrRow[]): string {
  const lines = rows.map((row) =>
    [
      csvField(row.learnRefNumber),
      csvField(row.learnAimRef),
      csvField(row.workPlaceStartDate),
      csvField(row.workPlaceEndDate),
      csvField(row.workPlaceHours, { text: false }),
      csvField(row.workPlaceMode, { text: false }),
      csvField(row.workPlaceEmpId),
      csvField(row.youngPersonId),
      csvField(row.name),
      csvField(row.employerName),
      csvField(row.placementMatchId),
    ].join(','),
  );
  return `\ufeff${[ilrCsvColumns.join(','), ...lines].join('\r\n')}\r\n`;
}
