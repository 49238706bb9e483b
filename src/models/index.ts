/**
 * Retention models: Kaplan–Meier survival curves and the shifted-beta-geometric model (double precision).
 * @module models
 */
export {};
