import { NOTIFICATION_KINDS } from '@dd/contract';
import { z } from 'zod';
import { renderLayout, type MailContent, type RenderedMail } from './mail.layout';
import { noticeTemplate } from './templates/notice.template';
import {
  emailChangeConfirmTemplate,
  emailChangedTemplate,
  emailChangeRequestedTemplate,
  emailChangeTakenTemplate,
} from './templates/email-change.template';
import { passwordChangedTemplate } from './templates/password-changed.template';
import { passwordResetTemplate } from './templates/password-reset.template';
import { verifyEmailTemplate } from './templates/verify-email.template';

export type MailLocale = 'nl' | 'en';

export interface MessageDefinition<K extends string = string, P extends z.ZodType = z.ZodType> {
  /** Stored in the outbox: a persistent contract like a job name; never rename one in use. */
  readonly kind: K;
  /** Checked when the message is queued and again when it is sent. */
  readonly params: P;
  readonly template: Record<MailLocale, (params: z.output<P>) => MailContent>;
  /**
   * The outbox row, address included, is deleted once the message is sent or has failed for good:
   * for a message to someone whose data must be gone (the confirmation of an erasure).
   */
  readonly forgetAfterSending?: true;
}

function defineMessage<const K extends string, P extends z.ZodType>(definition: MessageDefinition<K, P>): MessageDefinition<K, P> {
  return Object.freeze({ ...definition });
}

const displayName = z.string().min(1).max(200);
const token = z.string().regex(/^[\w-]{43}$/);

const noticeParams = z.object({
  displayName,
  title: z.string().min(1).max(300),
  body: z.string().min(1).max(2000),
  path: z
    .string()
    .regex(/^\/[\w/-]*$/)
    .optional(),
});

/** The mail of a notification (libs/notifications): its kind is `notice.<notification kind>`. */
function noticeMessage<const K extends string>(kind: K, options: { forgetAfterSending?: true } = {}) {
  return defineMessage({ kind: `notice.${kind}` as const, params: noticeParams, template: noticeTemplate, ...options });
}

/**
 * Every message the platform sends. A new notification adds a template under templates/ and one
 * entry here; the outbox, the job and the transports need nothing else.
 */
const DEFINITIONS = [
  defineMessage({ kind: 'account.verify-email', params: z.object({ displayName, token }), template: verifyEmailTemplate }),
  defineMessage({ kind: 'account.password-reset', params: z.object({ displayName, token }), template: passwordResetTemplate }),
  defineMessage({
    kind: 'account.password-changed',
    params: z.object({ displayName, via: z.enum(['reset', 'change']) }),
    template: passwordChangedTemplate,
  }),
  defineMessage({ kind: 'account.email-change-confirm', params: z.object({ displayName, token }), template: emailChangeConfirmTemplate }),
  defineMessage({
    kind: 'account.email-change-requested',
    params: z.object({ displayName, newEmail: z.string().email().max(254), supportEmail: z.string().email().max(254) }),
    template: emailChangeRequestedTemplate,
  }),
  defineMessage({
    kind: 'account.email-changed',
    params: z.object({ displayName, newEmail: z.string().email().max(254), supportEmail: z.string().email().max(254) }),
    template: emailChangedTemplate,
  }),
  defineMessage({
    kind: 'account.email-change-taken',
    params: z.object({ displayName, supportEmail: z.string().email().max(254) }),
    template: emailChangeTakenTemplate,
  }),
  ...NOTIFICATION_KINDS.map((kind) => noticeMessage(kind)),
  // Mail only: the account it tells about is gone, so there is no notification in the portal to go
  // with it, and the address it went to is deleted from the outbox once it was sent.
  noticeMessage('gdpr.erasureDone', { forgetAfterSending: true }),
] as const;

type Definitions = (typeof DEFINITIONS)[number];
export type MessageKind = Definitions['kind'];
export type MessageParams<K extends MessageKind> = z.input<Extract<Definitions, { kind: K }>['params']>;

export const MESSAGES: ReadonlyMap<string, MessageDefinition> = new Map(DEFINITIONS.map((definition) => [definition.kind, definition as MessageDefinition]));

export class UnknownMessageError extends Error {
  constructor(kind: string) {
    super(`Unknown mail message kind "${kind}"; messages are declared in libs/mail/src/mail.registry.ts.`);
  }
}

/** Checks a message's parameters against its definition; throws on an unknown kind or bad parameters. */
export function parseMessageParams(kind: string, params: unknown): Record<string, unknown> {
  const definition = MESSAGES.get(kind);
  if (!definition) throw new UnknownMessageError(kind);
  return definition.params.parse(params) as Record<string, unknown>;
}

/** Whether the message's outbox row goes once it is sent or failed (see MessageDefinition). */
export function forgetsAfterSending(kind: string): boolean {
  return MESSAGES.get(kind)?.forgetAfterSending === true;
}

/** Both parts of a message in the recipient's language, every link to `origin`. */
export function renderMessage(kind: string, locale: MailLocale, params: unknown, origin: string): RenderedMail {
  const definition = MESSAGES.get(kind);
  if (!definition) throw new UnknownMessageError(kind);
  return renderLayout(definition.template[locale](definition.params.parse(params)), origin, locale);
}
