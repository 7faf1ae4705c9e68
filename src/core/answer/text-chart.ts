/**
 * Small text charts for series and rankings (Telegram and the CLI show them in the reply): a
 * sparkline of eighth blocks for years, a bar per body for rankings. A figure that is not a
 * number (blank, "/", unreadable) is drawn as "·", never as a zero.
 */

const LEVELS = "▁▂▃▄▅▆▇█";

/** One character per value, scaled between the smallest and the largest. */
export function sparkline(values: (number | null)[]): string {
  const nums = values.filter((v): v is number => v !== null);
  if (nums.length === 0) return values.map(() => "·").join("");
  const lo = Math.min(0, ...nums);
  const hi = Math.max(...nums);
  return values
    .map((v) => {
      if (v === null) return "·";
      if (hi === lo) return LEVELS[0];
      return LEVELS[Math.round(((v - lo) / (hi - lo)) * (LEVELS.length - 1))];
    })
    .join("");
}

/** A bar of up to `width` full blocks for a value against the largest; "·" for a non-number. */
export function bar(value: number | null, max: number, width = 10): string {
  if (value === null) return "·";
  if (max <= 0 || value <= 0) return "";
  const eighths = Math.max(1, Math.round((value / max) * width * 8));
  const full = Math.floor(eighths / 8);
  const part = eighths % 8;
  return "█".repeat(full) + (part > 0 ? "▏▎▍▌▋▊▉"[part - 1] : "");
}
