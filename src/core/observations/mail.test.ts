import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWorkspace, startDichter, type TestDichter, type TestUser } from '../../../test/harness';

interface Received {
  to: string;
  body: string;
}

let d: TestDichter;
let smtp: SMTPServer;
let beheerder: TestUser;
let slug: string;
const inbox: Received[] = [];

async function waitForMail(count: number) {
  for (let i = 0; i < 100 && inbox.length < count; i++) await new Promise((r) => setTimeout(r, 50));
  expect(inbox.length).toBe(count);
}

beforeAll(async () => {
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    onData(stream, session, callback) {
      let body = '';
      stream.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
      stream.on('end', () => {
        inbox.push({ to: session.envelope.rcptTo.map((r) => r.address).join(','), body });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  const { port } = smtp.server.address() as { port: number };
  d = await startDichter({ env: { SMTP_URL: `smtp://127.0.0.1:${port}`, DICHTER_BASE_URL: 'https://dichter.example.nl' } });
  beheerder = await d.user('Bea Beheerder');
  slug = await createWorkspace(d, beheerder);
}, 120_000);
afterAll(async () => {
  await d?.close();
  await new Promise<void>((resolve) => smtp.close(() => resolve()));
});

describe('e-mail to residents (SMTP configured)', () => {
  it('confirms a report with the private link, and sends the answer', async () => {
    const report = await d.request({ method: 'POST', url: `/api/public/w/${slug}/observations`, body: { title: 'Losse stoeptegels', text: 'Bij de bushalte', email: 'bewoner@example.org' } });
    expect(report.status).toBe(201);
    await waitForMail(1);
    expect(inbox[0].to).toBe('bewoner@example.org');
    const unfolded = inbox[0].body.replace(/=\r?\n/g, '');
    expect(unfolded).toContain(`https://dichter.example.nl/melding/${report.body.token}`);
    const found = (await d.request({ method: 'GET', url: `/api/w/${slug}/observations?q=stoeptegels`, token: beheerder.token })).body.items[0];
    await d.request({ method: 'POST', url: `/api/w/${slug}/observations/${found.id}/transitions`, token: beheerder.token, body: { to: 'beantwoord', message: 'De tegels worden maandag rechtgelegd.' } });
    await waitForMail(2);
    expect(inbox[1].body.replace(/=\r?\n/g, '')).toContain('De tegels worden maandag rechtgelegd.');
  });

  it('sends nothing for a report without an e-mail address', async () => {
    await d.request({ method: 'POST', url: `/api/public/w/${slug}/observations`, body: { title: 'Anonieme melding' } });
    await new Promise((r) => setTimeout(r, 300));
    expect(inbox).toHaveLength(2);
  });
});
