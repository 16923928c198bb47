import { describe, expect, it } from 'vitest';
import { confirmOrStop } from '../../src/commands/confirm.js';
import { CancelledError, UsageError } from '../../src/errors.js';
import { bufferedDeps } from '../helpers/deps.js';
import { ScriptedPrompter } from '../helpers/prompter.js';

// The one helper that remove, review remove and db restore share when --yes is not given.
describe('confirmOrStop', () => {
  it('refuses in a script, naming --yes, without building the question', async () => {
    let built = false;
    const asking = confirmOrStop(bufferedDeps({ tty: false }), 'not removing x without confirmation', () => {
      built = true;
      return 'Remove x?';
    });
    await expect(asking).rejects.toBeInstanceOf(UsageError);
    await expect(asking).rejects.toMatchObject({ message: 'not removing x without confirmation', hint: 'pass --yes' });
    expect(built).toBe(false);
  });

  it('asks at a terminal, defaulting to no; yes goes on, no cancels', async () => {
    const yes = new ScriptedPrompter([true]);
    await confirmOrStop(bufferedDeps({ tty: true, prompter: yes }), 'refused', async () => 'Remove x?');
    expect(yes.asked).toEqual([{ kind: 'confirm', message: 'Remove x?', default: false }]);
    const no = new ScriptedPrompter([false]);
    await expect(confirmOrStop(bufferedDeps({ tty: true, prompter: no }), 'refused', () => 'Remove x?')).rejects.toBeInstanceOf(
      CancelledError,
    );
  });
});
