/**
 * Weeks between scorings for a target group without a rhythm of its own ("every
 * 2–12 weeks" in practice). Dependency-free: main, db and the renderer share it.
 */
export const DEFAULT_RESCORE_WEEKS = 12;
