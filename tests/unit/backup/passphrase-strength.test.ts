import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RapportError } from '../../../shared/errors';
import { passphraseWeakness } from '../../../shared/passphrase-strength';
import { tempDir } from '../../helpers/temp-dir';
import { testWorkspace } from '../../helpers/workspace-api';

describe('passphrase strength', () => {
  it.each(['password1', 'qwertyuiop', 'Summer2024!', 'aaaaaaaaaaaa', '12345678', 'iloveyou2'])('finds %s too easy to guess', (weak) => {
    expect(passphraseWeakness(weak)).toMatch(/easy to guess|at least 8 characters/);
  });

  it.each(['correct horse battery', 'Dana loves blue kites', 'tr0ub4dor&3 lamp'])('accepts %s', (strong) => {
    expect(passphraseWeakness(strong)).toBeNull();
  });

  it("counts the coach's own name as easy to guess", () => {
    expect(passphraseWeakness('Dana Okonkwo-Smith', ['Dana Okonkwo-Smith'])).not.toBeNull();
  });

  it('refuses a weak passphrase for a new backup with INVALID_INPUT, writing nothing', async () => {
    const root = await tempDir();
    const workspace = await testWorkspace({ dir: join(root, 'data'), backupsDir: join(root, 'backups') });
    const error = await workspace.backup
      .create(join(root, 'weak.rapport-backup'), { passphrase: 'password1' })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(RapportError);
    expect(error).toMatchObject({ code: 'INVALID_INPUT', message: expect.stringMatching(/easy to guess/) });
    await expect(workspace.backup.inspect(join(root, 'weak.rapport-backup'))).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
