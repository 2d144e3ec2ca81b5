/**
 * The browser and operating-system families of a User-Agent, so a person can recognise a session
 * ("Firefox on Windows"). A short mapping instead of a parser library: the list needs families only,
 * not versions or device models, and the maintained parser's current line is AGPL-licensed. Order
 * matters: Chromium-based browsers also say "Chrome" and "Safari", and Chrome says "Safari", so the
 * more specific tokens come first. Anything unrecognised is null ("unknown device" in the portal).
 */
const BROWSERS: readonly (readonly [RegExp, string])[] = [
  [/\bEdg(e|A|iOS)?\//, 'Edge'],
  [/\b(OPR|Opera)\//, 'Opera'],
  [/\bSamsungBrowser\//, 'Samsung Internet'],
  [/\bVivaldi\//, 'Vivaldi'],
  [/\b(Firefox|FxiOS)\//, 'Firefox'],
  [/\b(HeadlessChrome|Chrome|Chromium|CriOS)\//, 'Chrome'],
  [/\bVersion\/[\d.]+.*\bSafari\//, 'Safari'],
];

const SYSTEMS: readonly (readonly [RegExp, string])[] = [
  [/\b(iPhone|iPad|iPod)\b/, 'iOS'],
  [/\bAndroid\b/, 'Android'],
  [/\bCrOS\b/, 'ChromeOS'],
  [/\bWindows\b/, 'Windows'],
  [/\bMac OS X\b|\bMacintosh\b/, 'macOS'],
  [/\bLinux\b|\bX11\b/, 'Linux'],
];

export interface DeviceDescription {
  browser: string | null;
  os: string | null;
}

const first = (table: readonly (readonly [RegExp, string])[], text: string) => table.find(([pattern]) => pattern.test(text))?.[1] ?? null;

export function describeUserAgent(userAgent: string | undefined): DeviceDescription {
  // A header longer than any real browser's is not worth reading.
  if (!userAgent || userAgent.length > 1_000) return { browser: null, os: null };
  return { browser: first(BROWSERS, userAgent), os: first(SYSTEMS, userAgent) };
}
