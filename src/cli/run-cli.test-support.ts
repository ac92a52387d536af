/**
 * Runs the CLI in-process for tests, capturing standard output and error.
 */
import { Readable } from 'node:stream';
import { main } from './main.ts';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

export async function runCli(argv: string[], stdin = ''): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, {
    stdout: (s) => {
      stdout += s;
    },
    stderr: (s) => {
      stderr += s;
    },
    stdin: Readable.from([Buffer.from(stdin)]),
  });
  return { code, stdout, stderr };
}

export async function runJson(argv: string[]): Promise<{ code: number; json: any; stderr: string }> {
  const r = await runCli([...argv, '--format', 'json']);
  if (r.stdout.trim() === '') throw new Error(`no JSON output (exit ${r.code}): ${r.stderr}`);
  return { code: r.code, json: JSON.parse(r.stdout), stderr: r.stderr };
}
