/**
 * Makes user-derived text safe to print on a terminal. A character is shown as a visible escape
 * (`\x1b`, `\u00ad`, `\u{e0001}`) instead of being printed when Unicode says it is not plain visible
 * text: a control (Cc: C0, DEL, C1, so every ESC/CSI/OSC sequence), a format character (Cf: bidi
 * controls, soft hyphen, joiners, tags, invisible operators), a line or paragraph separator (Zl, Zp),
 * private use (Co), a lone surrogate (Cs), unassigned (Cn), or default-ignorable (Hangul fillers,
 * variation selectors…). Kept only where they form one grapheme with what comes before:
 * - ZWJ between two pictographs (👨‍👩‍👧, 🏳️‍🌈), after an optional skin tone or VS16;
 * - one variation selector right after a character that takes it: VS15/VS16 after an emoji,
 *   an ideographic variation selector after an ideograph, VS1–VS14 after a letter, digit or
 *   symbol, a Mongolian one after a Mongolian letter;
 * - tags in an emoji flag sequence: 🏴, a subdivision in three to five tag letters and digits
 *   (gbeng), the cancel tag (🏴󠁧󠁢󠁥󠁮󠁧󠁿): so no text hides in tags.
 * Newlines survive only where `multiline` is set (review bodies); tabs become a space.
 */
const UNSAFE_CLASS = String.raw`\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Co}\p{Cs}\p{Cn}\p{Default_Ignorable_Code_Point}`;

const KEPT_SEQUENCES = [
  // Every alternative starts with the character it keeps, then looks back: a scan tries it only there.
  String.raw`\u200d(?<=[\p{Extended_Pictographic}][\p{Emoji_Modifier}\ufe0f]?\u200d)(?=\p{Extended_Pictographic})`,
  String.raw`[\ufe0e\ufe0f](?<=\p{Emoji}.)`,
  String.raw`[\u{e0100}-\u{e01ef}](?<=\p{Ideographic}.)`,
  String.raw`[\ufe00-\ufe0d](?<=[\p{L}\p{N}\p{S}].)`,
  String.raw`[\u180b-\u180d\u180f](?<=\p{Script=Mongolian}.)(?<=\p{L}.)`,
  String.raw`[\u{e0061}-\u{e007a}](?<=\u{1f3f4}.)[\u{e0061}-\u{e007a}][\u{e0030}-\u{e0039}\u{e0061}-\u{e007a}]{1,3}\u{e007f}`,
];

/** Unsafe characters; group 1 holds what is kept: the sequences above, and `allowed` characters. */
const unsafePattern = (...allowed: string[]): RegExp =>
  new RegExp(`(${[...KEPT_SEQUENCES, ...allowed].join('|')})|[${UNSAFE_CLASS}]`, 'gu');

let singleLine: RegExp | undefined;
let multiline: RegExp | undefined;
/** Built on first need (~0.5 ms each): most runs print no unsafe character at all. Tabs are kept for holdsUnsafe. */
const unsafeIn = (lines: 'single' | 'multiline'): RegExp =>
  lines === 'single' ? (singleLine ??= unsafePattern()) : (multiline ??= unsafePattern(String.raw`\n`, String.raw`\t`));
/** A quick look for any candidate at all: most text has none and is returned as it is. */
const SINGLE_LINE_CANDIDATE = new RegExp(`[${UNSAFE_CLASS}]`, 'u');
const MULTILINE_CANDIDATE = new RegExp(String.raw`[[${UNSAFE_CLASS}]--[\t\n]]`, 'v');

function visibleEscape(char: string): string {
  const code = char.codePointAt(0) ?? 0;
  if (code < 0x100) return `\\x${code.toString(16).padStart(2, '0')}`;
  return code <= 0xffff ? `\\u${code.toString(16).padStart(4, '0')}` : `\\u{${code.toString(16)}}`;
}

const escapeUnsafe = (char: string, kept: string | undefined): string => kept ?? visibleEscape(char);

export function safeText(text: string, options: { multiline?: boolean } = {}): string {
  const normalised = text.replace(/\r\n/g, '\n').replace(/\t/g, ' ');
  if (!(options.multiline ? MULTILINE_CANDIDATE : SINGLE_LINE_CANDIDATE).test(normalised)) return normalised;
  return normalised.replace(unsafeIn(options.multiline ? 'multiline' : 'single'), escapeUnsafe);
}

/**
 * Whether text would reach a terminal as something other than what it says: any character that
 * safeText would escape, newlines and tabs aside. For machine formats, which must not be altered.
 */
export function holdsUnsafe(text: string): boolean {
  if (!MULTILINE_CANDIDATE.test(text)) return false;
  const pattern = unsafeIn('multiline');
  pattern.lastIndex = 0;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    if (match[1] === undefined) return true;
  }
  return false;
}

const jsonEscape = (char: string, kept: string | undefined): string =>
  kept ?? Array.from({ length: char.length }, (_, i) => `\\u${char.charCodeAt(i).toString(16).padStart(4, '0')}`).join('');

/**
 * JSON text with every character safeText would escape written as a JSON escape (`\u009b`, a
 * surrogate pair for a tag): the same data, and nothing a terminal acts on. JSON.stringify escapes
 * only C0 controls, so C1 controls, bidi controls and invisible characters stay raw in its output;
 * outside strings JSON has only ASCII, so every such character is inside a string.
 */
export function terminalJson(json: string): string {
  if (!MULTILINE_CANDIDATE.test(json)) return json;
  return json.replace(unsafeIn('multiline'), jsonEscape);
}
