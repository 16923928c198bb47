import { groupDigits } from '../../domain/numbers.js';
import { LIMITS } from '../../domain/rules.js';
import { UsageError } from '../../errors.js';
import type { Deps } from '../../io.js';
import { readTextInput, type InputLimit } from '../read-input.js';
import type { GivenReview, ReviewInput } from './flags.js';

/** A review text file: no text within the limit takes more than 4 bytes a character, so a device or an endless pipe stops there. */
const MAX_TEXT = LIMITS['review text'];
const TEXT_FILE_LIMIT: InputLimit = {
  maxBytes: MAX_TEXT * 4,
  tooLarge: (file) =>
    new UsageError(
      `${file} holds more than ${groupDigits(MAX_TEXT * 4)} bytes, past the review text limit of ${groupDigits(MAX_TEXT)} characters`,
      'shorten it',
    ),
};

/** A review's text from a file, or standard input for "-", within the limit. */
export const readReviewText = (file: string, deps: Deps): Promise<string> => readTextInput(file, deps, TEXT_FILE_LIMIT);

/** The review the flags give, with the text of --text-file read: the options carry only its path. */
export async function givenReview({ given, textFile }: ReviewInput, deps: Deps): Promise<GivenReview> {
  return textFile === undefined ? given : { ...given, text: await readReviewText(textFile, deps) };
}
