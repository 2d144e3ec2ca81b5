import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { readEml, type ReadMail } from '../eml.reader';

export interface ReceivedMail extends ReadMail {
  /** The envelope's recipients, as the sending server gave them. */
  envelopeTo: string[];
  raw: string;
}

/** A real SMTP server inside the test process (smtp-server, from the nodemailer project) that keeps what arrives. */
export async function startTestSmtpServer(): Promise<{ url: string; received: ReceivedMail[]; waitFor(count: number, timeoutMs?: number): Promise<ReceivedMail[]>; close(): Promise<void> }> {
  const received: ReceivedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        received.push({ ...readEml(raw), envelopeTo: session.envelope.rcptTo.map((rcpt) => rcpt.address), raw });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    async waitFor(count, timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs;
      while (received.length < count) {
        if (Date.now() > deadline) throw new Error(`Expected ${count} messages, received ${received.length}.`);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      return received;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
