/** Dates and weights as the pages show them, in the chosen language. */

/**
 * A moment in the reader's own time zone, with the zone named ("Nov 22, 2026, 7:00 AM GMT+1"),
 * on every page alike: a deadline reads in the member's own time, and a public record (a
 * draw, the moderation log) stays unambiguous because its zone is printed. `timeZone` is for
 * tests; pages leave it to the browser.
 */
export function formatDate(iso: string, language: string, timeZone?: string): string {
  return new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(new Date(iso)) + ' ' + zoneName(iso, language, timeZone);
}

function zoneName(iso: string, language: string, timeZone?: string): string {
  // dateStyle/timeStyle cannot be combined with timeZoneName, so the zone is formatted on its own.
  const parts = new Intl.DateTimeFormat(language, { timeZoneName: 'short', timeZone }).formatToParts(new Date(iso));
  return parts.find((p) => p.type === 'timeZoneName')?.value ?? '';
}

/** A carried weight: whole votes as integers, viscosity's fractions to three places. */
export function formatWeight(weight: number, language: string): string {
  return new Intl.NumberFormat(language, { maximumFractionDigits: 3 }).format(weight);
}
