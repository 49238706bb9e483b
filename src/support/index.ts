/**
 * Support metrics: response and resolution times, first contact resolution.
 * @module support
 */
export {};
