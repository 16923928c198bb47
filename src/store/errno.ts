/** File-system error codes in words, with the code for searching. */
const ERRNO_WORDS: Record<string, string> = {
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EISDIR: 'it is a folder',
  ENOTDIR: 'a file stands where a folder should be',
  EEXIST: 'a file stands where a folder should be',
  ENOSPC: 'the disk is full',
  EDQUOT: 'the disk quota is used up',
  EFBIG: 'the file is too large for this file system',
  EIO: 'the disk reported an input/output error',
  ELOOP: 'too many symbolic links, or a loop of them',
  EROFS: 'the file system is read-only',
};

/** The code of a failed system call (ENOENT, EEXIST…), if the error is one. */
export const errorCode = (error: unknown): string | undefined =>
  error instanceof Error && 'code' in error && typeof error.code === 'string' ? error.code : undefined;

/** Whether a write failed for want of space: then freeing some is what to do. */
export const isDiskFull = (error: unknown): boolean => ['ENOSPC', 'EDQUOT'].includes(errorCode(error) ?? '');

export function reason(error: unknown): string {
  const code = errorCode(error);
  if (code) return ERRNO_WORDS[code] ? `${ERRNO_WORDS[code]}, ${code}` : code;
  return error instanceof Error ? error.message : String(error);
}
