import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Inject, Injectable, Logger } from '@nestjs/common';
import nodemailer, { type Transporter } from 'nodemailer';
import { APP_CONFIG, type AppConfig } from '../config/config.js';

export interface Mail {
  to: string;
  subject: string;
  text: string;
}

/**
 * Outgoing mail. With `SMTP_URL`, through that server; otherwise each message is written as an
 * `.eml` file in the outbox folder (development: open them with any mail reader or `cat`).
 */
@Injectable()
export class MailService {
  private readonly logger = new Logger('Mail');
  private readonly transport: Transporter;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    this.transport = config.SMTP_URL
      ? nodemailer.createTransport(config.SMTP_URL)
      : nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  }

  async send(mail: Mail): Promise<void> {
    const info = (await this.transport.sendMail({ from: this.config.NEC_MAIL_FROM, ...mail })) as {
      message?: Buffer;
    };
    if (this.config.SMTP_URL || !info.message) return;
    await mkdir(this.config.NEC_OUTBOX_DIR, { recursive: true });
    const safeTo = mail.to.replace(/[^a-zA-Z0-9@._-]/g, '_');
    const file = join(this.config.NEC_OUTBOX_DIR, `${Date.now()}-${safeTo}.eml`);
    await writeFile(file, info.message);
    this.logger.log(`Courriel pour ${mail.to} écrit dans ${file}`);
  }

  /** An absolute link into the applicant portal. */
  portalLink(path: string): string {
    return new URL(path, this.config.NEC_PORTAL_URL).toString();
  }
}
