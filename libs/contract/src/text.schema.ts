import { z } from 'zod';

/**
 * The input rules every free text shares, in one place: what a person may type into a field of the
 * portal and the API accepts. Messages are i18n keys (the portal's common `validation.*` unless a
 * schema passes its own).
 *
 * Refused anywhere: the C0 control characters U+0000–U+001F (PostgreSQL cannot store U+0000 in
 * text at all, so it used to end as a 500), DEL U+007F, the C1 controls U+0080–U+009F, and the
 * bidi embeddings, overrides and isolates U+202A–U+202E and U+2066–U+2069, which make text read in
 * another order than it is stored ("Casino" shown as "onisaC", a file name ending in "fdp.exe").
 * Also refused: half a surrogate pair (no character at all; it broke jsonb writes).
 * Multi-line text keeps line feeds and tabs; a Windows line break (CR LF) becomes a line feed.
 */
export const TEXT_ERROR_KEYS = {
  required: 'validation.textRequired',
  tooShort: 'validation.textTooShort',
  tooLong: 'validation.textTooLong',
  hidden: 'validation.hiddenCharacters',
} as const;

// Built from code points, so the source file itself holds none of the characters it refuses.
const range = (from: number, to: number) => `\\u{${from.toString(16)}}-\\u{${to.toString(16)}}`;
const BIDI_CONTROLS = `${range(0x202a, 0x202e)}${range(0x2066, 0x2069)}`;
const SINGLE_LINE_FORBIDDEN = new RegExp(`[${range(0x00, 0x1f)}${range(0x7f, 0x9f)}${BIDI_CONTROLS}]`, 'u');
const MULTI_LINE_FORBIDDEN = new RegExp(`[${range(0x00, 0x08)}${range(0x0b, 0x1f)}${range(0x7f, 0x9f)}${BIDI_CONTROLS}]`, 'u');
// Half of a surrogate pair: no character at all; PostgreSQL refuses it in jsonb and stores it as U+FFFD in text.
// With the u flag a proper pair is one code point above U+FFFF, so only a lone half matches.
const LONE_SURROGATE = new RegExp(range(0xd800, 0xdfff).replace(/^/, '[').concat(']'), 'u');
const STRIPPED_FROM_FILE_NAMES = new RegExp(SINGLE_LINE_FORBIDDEN.source, 'gu');

/** Whether one line of text holds a character these rules refuse (a tab or line break included). */
export function hasForbiddenCharacters(text: string, options: { multiLine?: boolean } = {}): boolean {
  return (options.multiLine ? MULTI_LINE_FORBIDDEN : SINGLE_LINE_FORBIDDEN).test(text) || LONE_SURROGATE.test(text);
}

export interface TextRules {
  /** Longest accepted text, after trimming, in UTF-16 code units (what `maxLength` in the portal counts). */
  max: number;
  /** Shortest accepted text after trimming; 0 (the default) accepts an empty text. */
  min?: number;
  /** i18n keys; the defaults are the generic TEXT_ERROR_KEYS. */
  messages?: { required?: string; tooShort?: string; tooLong?: string; hidden?: string };
}

function textSchema(rules: TextRules, multiLine: boolean): z.ZodString {
  const messages = { ...TEXT_ERROR_KEYS, ...rules.messages };
  const min = rules.min ?? 0;
  let schema = z.string(messages.required);
  if (multiLine) schema = schema.overwrite((text) => text.replace(/\r\n?/g, '\n'));
  // Trimmed first, so a line break copied along at the end of a name is no reason to refuse it.
  schema = schema.trim().refine((text) => !hasForbiddenCharacters(text, { multiLine }), { message: messages.hidden, abort: true });
  if (min > 0) {
    // An empty text gets one message, "required", not also "too short".
    schema = schema.min(1, { message: messages.required, abort: true });
    if (min > 1) schema = schema.min(min, rules.messages?.tooShort ?? messages.required);
  }
  return schema.max(rules.max, messages.tooLong);
}

/** One line of text (a name, a title, a code): trimmed, bounded, no control or bidi characters, no tabs or line breaks. */
export function singleLine(rules: TextRules): z.ZodString {
  return textSchema(rules, false);
}

/** Text that may run over several lines (a reason, a purpose statement, a note): as singleLine, but line feeds and tabs are kept. */
export function plainText(rules: TextRules): z.ZodString {
  return textSchema(rules, true);
}

/**
 * A secret as typed (a password): never trimmed or changed, since every character counts, but
 * bounded and free of control and bidi characters, which no keyboard produces.
 */
export function secretText(rules: { min?: number; max: number; messages: { required: string; tooShort?: string; tooLong: string; hidden?: string } }): z.ZodString {
  const { messages } = rules;
  let schema = z
    .string(messages.required)
    .refine((text) => !hasForbiddenCharacters(text), { message: messages.hidden ?? TEXT_ERROR_KEYS.hidden, abort: true });
  schema = schema.min(rules.min ?? 1, rules.min && rules.min > 1 ? (messages.tooShort ?? messages.required) : messages.required);
  return schema.max(rules.max, messages.tooLong);
}

/**
 * Whether `YYYY-MM-DD` is a day that exists: no 30 February, and no year 0000, which the
 * Gregorian calendar (and PostgreSQL) does not have.
 */
export function isCalendarDate(text: string): boolean {
  return z.iso.date().safeParse(text).success && !text.startsWith('0000');
}

/** A calendar day as `YYYY-MM-DD` that exists: what a date field or a cursor may carry. */
export function calendarDate(message: string): z.ZodString {
  return z.string(message).max(10, { message, abort: true }).refine(isCalendarDate, message);
}

/**
 * An uploaded file's name as it may be stored and shown: without the characters singleLine refuses
 * (a right-to-left override, U+202E, makes "invoice<RLO>fdp.exe" read as "invoiceexe.pdf"), trimmed and
 * bounded; `fallback` when nothing is left. The services still take the path off it.
 */
export function cleanUploadFileName(name: string, fallback: string): string {
  // Cut by code point, so the limit never splits a character in two.
  const cleaned = Array.from(name.normalize('NFC').replace(STRIPPED_FROM_FILE_NAMES, '').trim()).slice(0, 200).join('').trim();
  return cleaned === '' ? fallback : cleaned;
}
