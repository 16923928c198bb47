import { inflateRawSync } from 'node:zlib';
import { DataError } from '../errors.js';

const sizeLabel = (bytes: number): string => (bytes < 2 ** 20 ? `${bytes} bytes` : `${Math.round(bytes / 2 ** 20)} MB`);

/** Signatures and sizes of the records a zip is read through (APPNOTE 4.3). */
const END_OF_DIRECTORY = 0x06054b50;
const END_LENGTH = 22;
const LONGEST_COMMENT = 0xffff;
const CENTRAL_HEADER = 0x02014b50;
const CENTRAL_LENGTH = 46;
const LOCAL_HEADER = 0x04034b50;
const LOCAL_LENGTH = 30;
/** A zip without its 64-bit extension lists at most this many entries; a Letterboxd export lists a few hundred. */
export const MAX_ZIP_ENTRIES = 0xffff;

/** An entry as the zip's central directory lists it. */
interface DirectoryEntry {
  name: string;
  flags: number;
  method: number;
  compressedSize: number;
  /** The uncompressed size it declares, true or not. */
  size: number;
  localOffset: number;
}

/**
 * The entries the central directory lists, read in one loop (fflate's streaming reader recursed
 * once per entry and overflowed the stack at a few thousand). Only what the directory lists is
 * ever read: a local header it leaves out is not an entry.
 */
function directoryOf(zip: Buffer, file: string, damaged: (why: string) => DataError): DirectoryEntry[] {
  let end = -1;
  for (let at = zip.length - END_LENGTH; at >= Math.max(0, zip.length - END_LENGTH - LONGEST_COMMENT); at--) {
    if (zip.readUInt32LE(at) === END_OF_DIRECTORY) {
      end = at;
      break;
    }
  }
  if (end < 0) throw damaged('no central directory at its end');
  const count = zip.readUInt16LE(end + 10);
  const offset = zip.readUInt32LE(end + 16);
  if (count === MAX_ZIP_ENTRIES || offset === 0xffffffff) {
    throw new DataError(
      `${file}: the zip lists ${MAX_ZIP_ENTRIES} entries or more, or is a 64-bit zip: far more than a Letterboxd export`,
      'it is not a Letterboxd export; download yours again',
    );
  }
  const entries: DirectoryEntry[] = [];
  for (let at = offset, i = 0; i < count; i++) {
    if (at + CENTRAL_LENGTH > zip.length || zip.readUInt32LE(at) !== CENTRAL_HEADER)
      throw damaged(`its directory breaks off at entry ${i + 1}`);
    const flags = zip.readUInt16LE(at + 8);
    const nameLength = zip.readUInt16LE(at + 28);
    // Bit 11: the name is UTF-8; without it, an old code page, read byte for byte (the names films looks for are ASCII).
    const name = zip.toString(flags & 0x800 ? 'utf8' : 'latin1', at + CENTRAL_LENGTH, at + CENTRAL_LENGTH + nameLength);
    entries.push({
      name,
      flags,
      method: zip.readUInt16LE(at + 10),
      compressedSize: zip.readUInt32LE(at + 20),
      size: zip.readUInt32LE(at + 24),
      localOffset: zip.readUInt32LE(at + 42),
    });
    at += CENTRAL_LENGTH + nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
  return entries;
}

/** An entry's bytes as stored, after its local header. */
function storedBytes(zip: Buffer, entry: DirectoryEntry, damaged: (why: string) => DataError): Buffer {
  const at = entry.localOffset;
  if (at + LOCAL_LENGTH > zip.length || zip.readUInt32LE(at) !== LOCAL_HEADER) throw damaged(`no local header for ${entry.name}`);
  const start = at + LOCAL_LENGTH + zip.readUInt16LE(at + 26) + zip.readUInt16LE(at + 28);
  const end = start + entry.compressedSize;
  if (end > zip.length) throw damaged(`${entry.name} is cut short`);
  return zip.subarray(start, end);
}

/**
 * The entries of a zip whose names `wanted` accepts, inflated. A zip of a few MB can inflate to
 * gigabytes, so nothing is inflated when the sizes its directory declares add up to more than
 * `maxBytes`, and since declared sizes can lie, inflating an entry stops as soon as it passes its
 * declared size or what is left of `maxBytes`. Node's zlib inflates (natively, and it stops at a
 * given output size).
 */
export function readZip(bytes: Uint8Array, file: string, wanted: (name: string) => boolean, maxBytes: number): Map<string, Uint8Array> {
  const zip = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const damaged = (why: string): DataError => new DataError(`${file}: not a readable zip file (${why})`, 'download the export again');
  const tooLarge = (name: string): DataError =>
    new DataError(
      `${file}: its files inflate to more than ${sizeLabel(maxBytes)} (at ${name}), more than a store can hold`,
      'it is not a Letterboxd export; download yours again',
    );
  const lying = (name: string, declared: number): DataError =>
    new DataError(
      `${file}: ${name} inflates to more than the ${sizeLabel(declared)} the zip declares`,
      'the zip is damaged or forged; download the export again',
    );
  let chosen: DirectoryEntry[];
  try {
    chosen = directoryOf(zip, file, damaged).filter((entry) => wanted(entry.name));
  } catch (error) {
    if (error instanceof DataError) throw error;
    throw damaged((error as Error).message);
  }
  let declared = 0;
  for (const entry of chosen) {
    declared += entry.size;
    if (declared > maxBytes) throw tooLarge(entry.name);
  }
  const entries = new Map<string, Uint8Array>();
  let total = 0;
  for (const entry of chosen) {
    if (entry.flags & 1) throw damaged(`${entry.name} is encrypted`);
    const room = maxBytes - total;
    const limit =
      entry.size < room
        ? { bytes: entry.size, error: () => lying(entry.name, entry.size) }
        : { bytes: room, error: () => tooLarge(entry.name) };
    const stored = storedBytes(zip, entry, damaged);
    let data: Buffer;
    if (entry.method === 0) data = stored;
    else if (entry.method === 8) {
      try {
        data = inflateRawSync(stored, { maxOutputLength: limit.bytes + 1 });
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') throw limit.error();
        throw damaged(`${entry.name}: ${(error as Error).message}`);
      }
    } else throw damaged(`${entry.name} is compressed with method ${entry.method}, which films does not read`);
    if (data.length > limit.bytes) throw limit.error();
    total += data.length;
    entries.set(entry.name, data);
  }
  return entries;
}
