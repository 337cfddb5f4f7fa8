/** The fixed percentile list reported by every driver and trend. */
export const REPORTED_PERCENTILES = [50, 75, 90, 95, 99, 99.9, 99.99] as const;
