import { inflateRawSync } from 'node:zlib';
import { Unzip, UnzipPassThrough, unzipSync, type AsyncFlateStreamHandler, type UnzipDecoder } from 'fflate';
import { DataError } from '../errors.js';

const sizeLabel = (bytes: number): string => (bytes < 2 ** 20 ? `${bytes} bytes` : `${Math.round(bytes / 2 ** 20)} MB`);

/**
 * The entries of a zip whose names `wanted` accepts, inflated. A zip of a few MB can inflate to
 * gigabytes, so nothing is inflated when the sizes its directory declares add up to more than
 * `maxBytes`, and since declared sizes can lie, inflating an entry stops as soon as it passes its
 * declared size or what is left of `maxBytes`. fflate reads the zip; Node's zlib inflates
 * (natively, and it stops at a given output size).
 */
export function readZip(zip: Uint8Array, file: string, wanted: (name: string) => boolean, maxBytes: number): Map<string, Uint8Array> {
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
  const declared = new Map<string, number>();
  const entries = new Map<string, Uint8Array>();
  let total = 0;

  /** The most an entry may inflate to, and the error for passing it. */
  const limitFor = (name: string): { bytes: number; error: () => DataError } => {
    const room = maxBytes - total;
    const size = declared.get(name);
    return size !== undefined && size < room
      ? { bytes: size, error: () => lying(name, size) }
      : { bytes: room, error: () => tooLarge(name) };
  };

  /** Inflates with zlib, which stops at the entry's limit rather than fill memory. */
  class LimitedInflate implements UnzipDecoder {
    static compression = 8;
    ondata: AsyncFlateStreamHandler = () => undefined;
    private readonly chunks: Uint8Array[] = [];
    constructor(private readonly name: string) {}
    push(chunk: Uint8Array, final: boolean): void {
      this.chunks.push(chunk);
      if (!final) return;
      const limit = limitFor(this.name);
      let inflated: Buffer;
      try {
        inflated = inflateRawSync(Buffer.concat(this.chunks), { maxOutputLength: limit.bytes + 1 });
      } catch (error) {
        throw (error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE' ? limit.error() : error;
      }
      // zlib returns a Buffer over a plain ArrayBuffer, never a shared one.
      this.ondata(null, new Uint8Array(inflated.buffer as ArrayBuffer, inflated.byteOffset, inflated.byteLength), true);
    }
  }

  const unzip = new Unzip((entry) => {
    if (!wanted(entry.name)) return;
    const limit = limitFor(entry.name);
    const chunks: Uint8Array[] = [];
    let size = 0;
    entry.ondata = (error, data, final) => {
      if (error) throw error;
      size += data.length;
      if (size > limit.bytes) throw limit.error();
      chunks.push(data);
      if (!final) return;
      total += size;
      entries.set(entry.name, chunks.length === 1 ? data : Buffer.concat(chunks));
    };
    entry.start();
  });
  unzip.register(UnzipPassThrough);
  unzip.register(LimitedInflate);
  try {
    let sum = 0;
    // The directory alone: the filter refuses every entry, so nothing is inflated here.
    unzipSync(zip, {
      filter: ({ name, originalSize }) => {
        if (!wanted(name)) return false;
        declared.set(name, originalSize);
        sum += originalSize;
        if (sum > maxBytes) throw tooLarge(name);
        return false;
      },
    });
    unzip.push(zip, true);
  } catch (error) {
    if (error instanceof DataError) throw error;
    throw new DataError(`${file}: not a readable zip file (${(error as Error).message})`, 'download the export again');
  }
  return entries;
}
