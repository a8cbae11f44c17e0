/**
 * Outgoing mail (invitations, password resets) through nodemailer over SMTP_URL. Without it Pulse
 * sends nothing and the links are shown to the admin who made them, to copy.
 * Invariant: a mail that cannot be sent is logged and reported to the caller (false), never
 * thrown into a request that already did its work; no link is ever logged.
 */
import nodemailer from 'nodemailer';
import type { Logger } from 'pino';

export interface Mail {
  to: string;
  subject: string;
  text: string;
}

export interface Mailer {
  /** Whether the SMTP server took the mail. */
  send(mail: Mail): Promise<boolean>;
  close(): void;
}

export function createMailer(smtpUrl: string, from: string, logger: Logger): Mailer {
  const transport = nodemailer.createTransport(smtpUrl);
  return {
    async send(mail) {
      try {
        await transport.sendMail({ from, to: mail.to, subject: mail.subject, text: mail.text });
        return true;
      } catch (error) {
        logger.warn({ err: error, to: mail.to, subject: mail.subject }, 'mail: not sent');
        return false;
      }
    },
    close: () => transport.close(),
  };
}
