import { escapeHtml } from './html-escape';

/** A piece of a message: a paragraph of plain text, or a link to a page of the portal. */
export type MailBlock = { text: string } | { link: { label: string; path: string; query?: Record<string, string> } };

export interface MailContent {
  subject: string;
  blocks: MailBlock[];
}

export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

/**
 * Every link is built here from the portal's origin and a path, so a message cannot point anywhere
 * else (no tracking redirects, no user-supplied URLs).
 */
export function portalLink(origin: string, path: string, query: Record<string, string> = {}): string {
  const url = new URL(path, origin);
  for (const [name, value] of Object.entries(query)) url.searchParams.set(name, value);
  return url.toString();
}

const FOOTER = 'DataDividend';

/**
 * The plain-text and HTML parts of one message from the same blocks. The HTML has no images or
 * remote resources (nothing that reports an opened message) and every text is escaped.
 */
export function renderLayout(content: MailContent, origin: string, lang: string): RenderedMail {
  const text: string[] = [];
  const html: string[] = [];
  for (const block of content.blocks) {
    if ('text' in block) {
      text.push(block.text);
      html.push(`<p style="margin:0 0 16px">${escapeHtml(block.text)}</p>`);
    } else {
      const href = portalLink(origin, block.link.path, block.link.query);
      text.push(`${block.link.label}:\n${href}`);
      html.push(
        `<p style="margin:0 0 16px"><a href="${escapeHtml(href)}" style="color:#0b5cad;font-weight:bold">${escapeHtml(block.link.label)}</a></p>`,
        `<p style="margin:0 0 16px;font-size:13px;color:#555;word-break:break-all">${escapeHtml(href)}</p>`,
      );
    }
  }
  text.push(`-- \n${FOOTER}`);
  return {
    subject: content.subject,
    text: `${text.join('\n\n')}\n`,
    html: [
      '<!doctype html>',
      `<html lang="${escapeHtml(lang)}"><head><meta charset="utf-8"><title>${escapeHtml(content.subject)}</title></head>`,
      '<body style="font-family:Arial,Helvetica,sans-serif;font-size:15px;line-height:1.5;color:#1a1a1a;max-width:560px;margin:0 auto;padding:24px">',
      ...html,
      `<p style="margin:32px 0 0;font-size:13px;color:#555">${escapeHtml(FOOTER)}</p>`,
      '</body></html>',
    ].join('\n'),
  };
}
