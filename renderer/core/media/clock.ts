// Clock readings as transcripts write them ("12:34", "1:02:03", "00:12:34.5", "00:12:34,500")
// turned into seconds, and seconds written back as a reader expects them ("12:34", "1:02:03").

/**
 * One clock reading: `m:ss` or `h:mm:ss` (one or two digits before the first colon), with an
 * optional fraction of one to three digits after '.' or ',' (SRT and European tools use ',').
 * Hours above 99 are not recognised: no interview runs that long.
 */
export const CLOCK_PATTERN = String.raw`\d{1,2}:\d{2}(?::\d{2})?(?:[.,]\d{1,3})?`;

const WHOLE_CLOCK = new RegExp(String.raw`^(\d{1,2}):(\d{2})(?::(\d{2}))?(?:[.,](\d{1,3}))?$`);

/**
 * The seconds a whole clock reading stands for, or null when it is not one: minutes and seconds
 * must be below 60 (so "75:12" or "12:60" is not a time), surrounding space is ignored.
 */
export function clockSeconds(reading: string): number | null {
  const m = WHOLE_CLOCK.exec(reading.trim());
  if (!m) return null;
  const first = Number(m[1]);
  const second = Number(m[2]);
  const third = m[3] === undefined ? undefined : Number(m[3]);
  if (second >= 60 || (third === undefined ? first >= 60 : third >= 60)) return null;
  const whole = third === undefined ? first * 60 + second : first * 3600 + second * 60 + third;
  // Parsed from text so "754.567" is exactly the number the literal 754.567 is (754 + 0.567 is not).
  return m[4] === undefined ? whole : Number(`${whole}.${m[4]}`);
}

/**
 * "12:34" under an hour, "1:02:03" from an hour on; minutes under an hour are not padded
 * ("2:03"), as media players and Otter write them. Fractions are dropped (a quote's time is
 * the second it starts in, never a later one); a tiny tolerance keeps 59.9999999, an
 * interpolation's rounding of 60, from reading "0:59". Negative or non-finite: "0:00".
 */
export function formatTime(seconds: number): string {
  const whole = Number.isFinite(seconds) && seconds > 0 ? Math.floor(seconds + 1e-6) : 0;
  const h = Math.floor(whole / 3600);
  const m = Math.floor((whole % 3600) / 60);
  const s = String(whole % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}
