export { startTestSmtpServer } from './test-smtp-server';
export type { ReceivedMail } from './test-smtp-server';
