import type { Deps } from '../../io.js';
import { readTextInput } from '../read-input.js';
import type { GivenReview, ReviewInput } from './flags.js';

/** The review the flags give, with the text of --text-file read: the options carry only its path. */
export async function givenReview({ given, textFile }: ReviewInput, deps: Deps): Promise<GivenReview> {
  return textFile === undefined ? given : { ...given, text: await readTextInput(textFile, deps) };
}
