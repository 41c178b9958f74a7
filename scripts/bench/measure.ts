/** Runs a command and reports its wall time and the peak resident memory of its whole process tree. */
import { spawn } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';

export interface Measurement {
  seconds: number;
  peakRssMb: number;
  output: string;
}

/** Resident memory of a process and all its descendants, found through /proc/<pid>/task/<tid>/children. */
async function treeRssKb(root: number): Promise<number> {
  let total = 0;
  const pending = [root];
  while (pending.length > 0) {
    const pid = pending.pop()!;
    try {
      const status = await readFile(`/proc/${pid}/status`, 'utf8');
      total += Number(status.match(/^VmRSS:\s+(\d+)/m)?.[1] ?? 0);
      for (const task of await readdir(`/proc/${pid}/task`)) {
        const children = await readFile(`/proc/${pid}/task/${task}/children`, 'utf8');
        for (const child of children.split(' ')) if (child.trim()) pending.push(Number(child));
      }
    } catch {
      // The process ended while we looked.
    }
  }
  return total;
}

export function measure(
  command: string,
  args: string[],
  options: { cwd: string; env: NodeJS.ProcessEnv },
): Promise<Measurement> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(command, args, { cwd: options.cwd, env: options.env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    let peak = 0;
    let sampling = false;
    const timer = setInterval(async () => {
      if (sampling || child.pid === undefined) return;
      sampling = true;
      peak = Math.max(peak, await treeRssKb(child.pid));
      sampling = false;
    }, 200);
    child.on('error', reject);
    child.on('close', (code) => {
      clearInterval(timer);
      const seconds = (performance.now() - started) / 1000;
      if (code !== 0) reject(new Error(`${command} ${args.join(' ')} exited with ${code}:\n${output.slice(-3000)}`));
      else resolve({ seconds, peakRssMb: peak / 1024, output });
    });
  });
}
