import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** The operating system's own id of this installation, which survives renames and network changes. */
async function systemMachineId(): Promise<string | null> {
  try {
    if (process.platform === 'linux' || process.platform === 'freebsd') {
      for (const file of ['/etc/machine-id', '/var/lib/dbus/machine-id']) {
        const id = (await readFile(file, 'utf8').catch(() => '')).trim();
        if (id) return id;
      }
    }
    if (process.platform === 'darwin') {
      const { stdout } = await run('/usr/sbin/ioreg', ['-rd1', '-c', 'IOPlatformExpertDevice']);
      return /"IOPlatformUUID"\s*=\s*"([^"]+)"/.exec(stdout)?.[1] ?? null;
    }
    if (process.platform === 'win32') {
      const { stdout } = await run('reg', ['query', 'HKLM\\SOFTWARE\\Microsoft\\Cryptography', '/v', 'MachineGuid', '/reg:64']);
      return /MachineGuid\s+REG_SZ\s+(\S+)/.exec(stdout)?.[1] ?? null;
    }
  } catch {
    // No id from the OS: fall back to the host name below.
  }
  return null;
}

let cached: Promise<string> | null = null;

/**
 * A stable id for this computer, hashed so the OS id itself is never written into a folder
 * that may be shared. The host name is the last resort only: macOS changes it with the network.
 */
export function machineId(): Promise<string> {
  cached ??= systemMachineId().then((id) =>
    createHash('sha256')
      .update(`rapport-machine:${id ?? `host:${hostname()}`}`)
      .digest('hex')
      .slice(0, 32),
  );
  return cached;
}
