// Store-local time. Stores default to Europe/London; BST changes are handled by Intl.

/** Offset of `timeZone` from UTC at the given instant, in minutes (BST → 60). */
export function zoneOffsetMinutes(at: Date, timeZone: string): number {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    })
      .formatToParts(at)
      .map((p) => [p.type, p.value]),
  );
  const asUtc = Date.UTC(+parts.year!, +parts.month! - 1, +parts.day!, +parts.hour!, +parts.minute!, +parts.second!);
  return Math.round((asUtc - at.getTime()) / 60_000);
}

/** The instant at which the wall clock in `timeZone` reads the given local time. */
export function localToUtc(y: number, month: number, d: number, h: number, min: number, timeZone: string): Date {
  const guess = new Date(Date.UTC(y, month - 1, d, h, min));
  const first = new Date(guess.getTime() - zoneOffsetMinutes(guess, timeZone) * 60_000);
  // Re-check at the corrected instant: near a clock change the offset may differ.
  return new Date(guess.getTime() - zoneOffsetMinutes(first, timeZone) * 60_000);
}
