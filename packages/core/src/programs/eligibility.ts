/**
 * Declarative eligibility rules of a program (issue 7): every condition must hold. A rule is data,
 * kept with a version, so a cycle can re-check its recipients against the rule in force and say
 * which condition failed.
 */
export type Condition =
  | { field: 'decile'; min: number; max: number }
  | { field: 'age'; min?: number | undefined; max?: number | undefined }
  | { field: 'sex'; in: readonly ('L' | 'P')[] }
  | { field: 'region'; within: readonly string[] }
  | { field: 'ownsBusiness'; equals: boolean };

export interface EligibilityRule {
  all: readonly Condition[];
}

/** What the check needs to know of a person, on the day of the check. */
export interface Applicant {
  /** The family's welfare decile (DTSEN, 1 = poorest), or null when unknown. */
  decile: number | null;
  birthDate: string;
  sex: 'L' | 'P';
  /** The desa or kelurahan code. */
  regionCode: string;
  ownsBusiness: boolean;
}

export interface EligibilityResult {
  eligible: boolean;
  /** The conditions that failed, each as its field and the value that failed it. */
  failed: { field: Condition['field']; value: string | number | boolean | null }[];
}

/** Age in whole years on `on` (ISO dates). */
export function ageOn(birthDate: string, on: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number) as [number, number, number];
  const [y, m, d] = on.split('-').map(Number) as [number, number, number];
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

export function checkEligibility(rule: EligibilityRule, who: Applicant, on: string): EligibilityResult {
  const failed: EligibilityResult['failed'] = [];
  for (const c of rule.all) {
    switch (c.field) {
      case 'decile':
        if (who.decile === null || who.decile < c.min || who.decile > c.max)
          failed.push({ field: 'decile', value: who.decile });
        break;
      case 'age': {
        const age = ageOn(who.birthDate, on);
        if ((c.min !== undefined && age < c.min) || (c.max !== undefined && age > c.max))
          failed.push({ field: 'age', value: age });
        break;
      }
      case 'sex':
        if (!c.in.includes(who.sex)) failed.push({ field: 'sex', value: who.sex });
        break;
      case 'region':
        if (!c.within.some((r) => who.regionCode === r || who.regionCode.startsWith(`${r}.`)))
          failed.push({ field: 'region', value: who.regionCode });
        break;
      case 'ownsBusiness':
        if (who.ownsBusiness !== c.equals) failed.push({ field: 'ownsBusiness', value: who.ownsBusiness });
        break;
    }
  }
  return { eligible: failed.length === 0, failed };
}
