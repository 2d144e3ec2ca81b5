import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { generateSync } from 'otplib';
import type { Page } from 'playwright-core';

const PERIOD_MS = 30_000;

/**
 * The tests' authenticator app: the secret each admin set up, per platform and e-mail address, and
 * the last time step a code was entered for (the API refuses a code of that step again). Kept in a
 * file because every spec file runs in a process of its own, while the admins are shared per run.
 */
const appFile = (baseUrl: string, email: string) =>
  join(tmpdir(), 'dd-e2e-authenticator', createHash('sha256').update(`${baseUrl} ${email}`).digest('hex').slice(0, 32));

interface Authenticator {
  secret: string;
  lastStep: number;
}

function readApp(baseUrl: string, email: string): Authenticator | undefined {
  try {
    return JSON.parse(readFileSync(appFile(baseUrl, email), 'utf8')) as Authenticator;
  } catch {
    return undefined;
  }
}

function writeApp(baseUrl: string, email: string, app: Authenticator): void {
  mkdirSync(join(tmpdir(), 'dd-e2e-authenticator'), { recursive: true });
  writeFileSync(appFile(baseUrl, email), JSON.stringify(app), { mode: 0o600 });
}

/** Remembers a key read off the set-up page, as scanning the QR code would. */
export function rememberAuthenticator(baseUrl: string, email: string, secret: string): void {
  writeApp(baseUrl, email, { secret, lastStep: 0 });
}

/** A six-digit code that is none of the codes the API would accept now. */
export function wrongCode(baseUrl: string, email: string): string {
  const app = readApp(baseUrl, email);
  if (!app) throw new Error(`No authenticator was set up for ${email} on ${baseUrl} in this run.`);
  const now = Math.floor(Date.now() / PERIOD_MS);
  const window = [now - 1, now, now + 1, now + 2].map((step) => generateSync({ secret: app.secret, epoch: (step * PERIOD_MS) / 1000 }));
  return ['000000', '111111', '222222', '333333', '444444'].find((code) => !window.includes(code))!;
}

/** The code the app shows now, or the next step's (accepted one step ahead) when this one was used; waits only when both were. */
export async function currentCode(baseUrl: string, email: string): Promise<string> {
  const app = readApp(baseUrl, email);
  if (!app) throw new Error(`No authenticator was set up for ${email} on ${baseUrl} in this run.`);
  let current = Math.floor(Date.now() / PERIOD_MS);
  while (app.lastStep > current) {
    await sleep((current + 1) * PERIOD_MS - Date.now() + 50);
    current = Math.floor(Date.now() / PERIOD_MS);
  }
  const step = Math.max(current, app.lastStep + 1);
  writeApp(baseUrl, email, { ...app, lastStep: step });
  return generateSync({ secret: app.secret, epoch: (step * PERIOD_MS) / 1000 });
}

export interface AdminLogin {
  email: string;
  password: string;
}

/**
 * Signs an admin in through the portal: the password, then the second step. The first time that is
 * the set-up (the secret read from the page as a person would type it, a code, the recovery codes,
 * "I saved them"); afterwards the current code. Ends on the admin's page. `navigate: false` stays on
 * the sign-in page the browser is already on (sent there from another page, to be sent back).
 */
export async function signInAsAdmin(page: Page, baseUrl: string, admin: AdminLogin, options: { navigate?: boolean } = {}): Promise<{ recoveryCodes: string[] }> {
  if (options.navigate !== false) await page.goto(`${baseUrl}/sign-in`);
  await page.getByLabel('E-mailadres').fill(admin.email);
  await page.getByLabel('Wachtwoord').fill(admin.password);
  await page.getByRole('button', { name: 'Inloggen', exact: true }).click();
  const setUp = page.getByRole('heading', { level: 1, name: 'Tweestapsverificatie instellen' });
  const code = page.getByRole('heading', { level: 1, name: 'Inlogcode invullen' });
  await setUp.or(code).waitFor();

  let recoveryCodes: string[] = [];
  if (await setUp.isVisible()) {
    const secret = (await page.getByRole('group', { name: 'Sleutel voor handmatige invoer' }).innerText()).replace(/\s/g, '');
    rememberAuthenticator(baseUrl, admin.email, secret);
    await page.getByLabel('Code van 6 cijfers').fill(await currentCode(baseUrl, admin.email));
    await page.getByRole('button', { name: 'Bevestigen' }).click();
    const list = page.getByRole('list', { name: 'Herstelcodes' });
    await list.waitFor();
    recoveryCodes = await list.getByRole('listitem').allInnerTexts();
    await page.getByRole('button', { name: 'Ik heb ze bewaard' }).click();
  } else {
    await page.getByLabel('Code van 6 cijfers').fill(await currentCode(baseUrl, admin.email));
    await page.getByRole('button', { name: 'Inloggen', exact: true }).click();
  }
  await page.waitForURL((url) => url.pathname.startsWith('/admin'));
  return { recoveryCodes };
}
