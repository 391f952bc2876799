import nodemailer from 'nodemailer';

/** A plain-text e-mail; dichter never sends HTML mail or tracking pixels. */
export interface Mail {
  to: string;
  subject: string;
  text: string;
}

export interface Mailer {
  send(mail: Mail): Promise<void>;
}

/**
 * The mailer for `SMTP_URL` (smtp://user:pass@host:587 or smtps://…), or null when none is
 * configured: features that would e-mail then fall back to what works without (private links).
 */
export function createMailer(smtpUrl: string | undefined, from: string): Mailer | null {
  if (!smtpUrl) return null;
  const transport = nodemailer.createTransport(smtpUrl);
  return {
    async send(mail) {
      await transport.sendMail({ from, to: mail.to, subject: mail.subject, text: mail.text });
    },
  };
}
