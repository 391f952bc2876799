import readline from 'node:readline';

/** Asks for a password on the terminal without echoing it. */
export function readPassword(question: string): Promise<string> {
  if (!process.stdin.isTTY) return Promise.reject(new Error('geen terminal: gebruik --password-stdin / no terminal: use --password-stdin'));
  return new Promise((resolve) => {
    const rl = readline.createInterface({ input: process.stdin, output: process.stderr, terminal: true });
    const output = rl as unknown as { _writeToOutput: (s: string) => void; output: NodeJS.WriteStream };
    process.stderr.write(question);
    output._writeToOutput = (s: string) => {
      if (s.includes('\n') || s.includes('\r')) process.stderr.write('\n');
    };
    rl.question('', (answer) => {
      rl.close();
      resolve(answer);
    });
  });
}
