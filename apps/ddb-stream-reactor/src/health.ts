/** HealthPoints below which a reading is low, unless the declaration says otherwise. */
export const DEFAULT_HEALTH_LOW_THRESHOLD = 20;

/** Whether a reading's HealthPoints are in the low zone. */
export function isHealthLow(healthPoints: number, threshold: number): boolean {
  return healthPoints < threshold;
}
