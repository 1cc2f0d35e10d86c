import { RIDE_RANGES } from '@wildrydes/schemas';

/** Ride distances are counted to the millimetre: three decimal places of a metre. */
export const DISTANCE_RESOLUTION_DECIMALS = 3;

const SCALE = 10 ** DISTANCE_RESOLUTION_DECIMALS;

/**
 * The amount a ride adds to its unicorn's `distanceMetres` counter: its distance rounded to the
 * millimetre, as the decimal string DynamoDB's `ADD` gets.
 *
 * Why: DynamoDB adds numbers exactly, with at most 38 significant digits and magnitudes below
 * 1E+126 (DynamoDB developer guide, "Supported data types and naming rules"), and refuses an
 * update whose result does not fit. A distance with 17 significant digits (`0.1 + 0.2`) would
 * make the exact sum need ever more digits; with a fixed resolution every increment is a whole
 * number of millimetres of at most `RIDE_RANGES.distanceMetres.max` (10^9 mm), so the counter
 * needs 38 digits only after 10^26 rides: no single event, and no realistic number of them,
 * can make the counter unwritable.
 *
 * @throws RangeError for a distance outside `RIDE_RANGES.distanceMetres` (the catalog schema
 *   refuses those before a plan is made)
 * @example
 * ```ts
 * distanceIncrement(1250.5); // '1250.5'
 * distanceIncrement(0.1 + 0.2); // '0.3'
 * distanceIncrement(1e-7); // '0'
 * ```
 */
export function distanceIncrement(distanceMetres: number): string {
  const { min, max } = RIDE_RANGES.distanceMetres;
  if (!(distanceMetres >= min && distanceMetres <= max)) {
    throw new RangeError(`distanceMetres must be between ${min} and ${max} inclusive (given ${distanceMetres})`);
  }
  // A whole number of millimetres below 2^53 divided by 1000: the nearest double to that decimal,
  // whose shortest form (what String writes) has at most three decimals.
  return String(Math.round(distanceMetres * SCALE) / SCALE);
}
