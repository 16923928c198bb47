import { DataError } from '../errors.js';
import { invalidUtf8At } from '../utf8.js';

/**
 * An imported file's bytes as text. UTF-8 (a BOM dropped), or UTF-16 with its BOM, which is what
 * Excel's "Unicode text" and some exporters save: it is decoded, since its BOM says what it is. Any
 * other bytes (Latin-1 or Windows-1252, as Excel saves "CSV" on Windows) are refused with where the
 * first bad byte is: decoding them as UTF-8 would turn each accented letter into U+FFFD for good.
 */
/** What a refusal says was not done, and what to do instead. */
export interface TextRefusal {
  nothing: string;
  hint: string;
}

const IMPORT_REFUSAL: TextRefusal = {
  nothing: 'nothing was imported',
  hint: 'save it as UTF-8 (in Excel: "CSV UTF-8") and import it again',
};

export function importText(bytes: Uint8Array, file: string, refusal: TextRefusal = IMPORT_REFUSAL): string {
  const utf16 = bytes[0] === 0xff && bytes[1] === 0xfe ? 'utf-16le' : bytes[0] === 0xfe && bytes[1] === 0xff ? 'utf-16be' : null;
  if (utf16) {
    try {
      return new TextDecoder(utf16, { fatal: true }).decode(bytes);
    } catch {
      throw new DataError(`${file}: not valid ${utf16.toUpperCase()} after its byte order mark; ${refusal.nothing}`, refusal.hint);
    }
  }
  const bad = invalidUtf8At(bytes);
  if (bad) {
    throw new DataError(
      `${file}:${bad.line}: not valid UTF-8 (byte ${bad.byte}; Latin-1 or Windows-1252, perhaps); ${refusal.nothing}`,
      refusal.hint,
    );
  }
  // Buffer's decoder: the same text as TextDecoder's, ~20% faster on large files.
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
    .toString('utf8')
    .replace(/^\uFEFF/, '');
}
