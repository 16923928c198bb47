/** File-system error codes in words, with the code for searching. */
const ERRNO_WORDS: Record<string, string> = {
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EISDIR: 'it is a folder',
  ENOTDIR: 'a file stands where a folder should be',
  EEXIST: 'a file stands where a folder should be',
  ENOSPC: 'the disk is full',
  EROFS: 'the file system is read-only',
};

export function reason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code) return ERRNO_WORDS[code] ? `${ERRNO_WORDS[code]}, ${code}` : code;
  return error instanceof Error ? error.message : String(error);
}

