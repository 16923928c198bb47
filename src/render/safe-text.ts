/**
 * Makes user-derived text safe to print on a terminal: control characters (C0, DEL, C1,
 * so every ESC/CSI/OSC sequence), bidi overrides and invisible format characters are shown
 * as visible escapes such as `\x1b` or `\u202e` instead of being executed.
 * Newlines survive only where `multiline` is set (review bodies); tabs become a space.
 */
// eslint-disable-next-line no-control-regex -- control characters are what the sanitiser looks for
const UNSAFE = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u061c\u200b\u200e\u200f\u202a-\u202e\u2060\u2066-\u2069\ufeff]/g;

function visibleEscape(char: string): string {
  const code = char.charCodeAt(0);
  return code < 0x100 ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}

export function safeText(text: string, options: { multiline?: boolean } = {}): string {
  const normalised = text.replace(/\r\n/g, '\n').replace(/\t/g, ' ');
  if (!options.multiline) return normalised.replace(UNSAFE, visibleEscape);
  return normalised
    .split('\n')
    .map((line) => line.replace(UNSAFE, visibleEscape))
    .join('\n');
}
