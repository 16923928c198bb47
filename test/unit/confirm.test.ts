import { describe, expect, it } from 'vitest';
import { confirmOrStop } from '../../src/commands/confirm.js';
import { BackError, CancelledError, DeclinedError, exitCodeFor, UsageError } from '../../src/errors.js';
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

  it('asks at a terminal, defaulting to no; yes goes on, no stops with what was declined (exit 1), Esc cancels (130)', async () => {
    const yes = new ScriptedPrompter([true]);
    await confirmOrStop(bufferedDeps({ tty: true, prompter: yes }), 'refused', async () => 'Remove x?');
    expect(yes.asked).toEqual([{ kind: 'confirm', message: 'Remove x?', default: false }]);
    const no = confirmOrStop(
      bufferedDeps({ tty: true, prompter: new ScriptedPrompter([false]) }),
      'refused',
      () => 'Remove x?',
      'not removed',
    );
    await expect(no).rejects.toBeInstanceOf(DeclinedError);
    await expect(no).rejects.toMatchObject({ message: 'not removed', hint: 'nothing was changed' });
    expect(exitCodeFor(await no.catch((error: unknown) => error))).toBe(1);
    const escape = confirmOrStop(
      bufferedDeps({ tty: true, prompter: new ScriptedPrompter([new BackError()]) }),
      'refused',
      () => 'Remove x?',
    );
    await expect(escape).rejects.toBeInstanceOf(CancelledError);
    expect(exitCodeFor(await escape.catch((error: unknown) => error))).toBe(130);
  });
});
