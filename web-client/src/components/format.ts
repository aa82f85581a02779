/** Dates and weights as the pages show them, in the chosen language. */

/** A moment in the reader's own time zone ("Oct 18, 2026, 1:10 AM"). */
export function formatDate(iso: string, language: string): string {
  return new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
}

/** A moment in UTC, marked so: for public records (draws, the moderation log) that everyone reads alike. */
export function formatUtc(iso: string, language: string): string {
  return new Date(iso).toLocaleString(language === 'de' ? 'de-DE' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' }) + ' UTC';
}

/** A carried weight: whole votes as integers, viscosity's fractions to three places. */
export function formatWeight(weight: number, language: string): string {
  return new Intl.NumberFormat(language, { maximumFractionDigits: 3 }).format(weight);
}
