import type { LegalTranslations } from './legal.nl';

export const legalEn: LegalTranslations = {
  nav: {
    label: 'Legal information',
    terms: 'Terms of use',
    privacy: 'Privacy statement',
    data: 'How we use your data',
  },
  updated: 'Last updated: 1 December 2026',
  exampleDetails: 'These are example details of a development environment; a real installation shows the operator’s details here.',
  related: 'Read also',
  signUpNotice: 'By creating an account you agree to the',
  signUpPrivacyBefore: 'The',
  signUpPrivacyAfter: 'explains how we handle your data.',
  terms: {
    title: 'Terms of use',
    intro:
      'These terms apply to everyone who uses DataDividend: members who share their data and advertisers who buy insights and campaigns. We keep them short and readable.',
    sections: [
      {
        heading: 'Who we are',
        paragraphs: ['DataDividend is offered by {{name}}, {{address}} (KvK {{kvk}}). Send questions about these terms to {{supportEmail}}.'],
        items: [],
      },
      {
        heading: 'What DataDividend does',
        paragraphs: [
          'You bring your own bank statements and decide, per kind of data and per purpose, what may be used and for how long. Advertisers buy anonymous, aggregated insights about groups of people or send an offer to a group. If you were in such a group and gave your consent for it, you receive most of the revenue.',
          'An advertiser never sees who you are: no name, no email address, no transactions and no list of members.',
        ],
        items: [],
      },
      {
        heading: 'Your account',
        paragraphs: ['You create an account with your email address and a password. Keep your password secret; what happens with your account counts as done by you. You may have only one member account.'],
        items: [
          'Only adults who have entered their birth year are counted in groups that are sold.',
          'Only upload statements of accounts that are yours.',
          'You can delete your account yourself at any time under Privacy & export.',
        ],
      },
      {
        heading: 'Your data stays yours',
        paragraphs: [
          'Everything is off by default. You give consent per category and per purpose (anonymous statistics, offers in your inbox), optionally with an end date, and you can withdraw it at any time. Withdrawing applies to new sales; a sale that has already been made cannot be undone.',
        ],
        items: [],
      },
      {
        heading: 'Earnings and payouts',
        paragraphs: ['70% of every sale goes to the members who were in it, shared among them; the rest is our fee. Under Earnings you see what you received per sale.'],
        items: [
          'New earnings are held for 7 days before you can have them paid out.',
          'You can request a payout from € 10; your first payout is possible once your account is at least 30 days old.',
          'We pay out at most € 250 to you per calendar month.',
          'We pay to an IBAN in your name. An admin reviews requests; when in doubt (for example an IBAN used by several accounts) a request can be rejected, with a reason.',
        ],
      },
      {
        heading: 'For advertisers',
        paragraphs: ['An organisation registers with its Chamber of Commerce (KvK) and VAT numbers and can buy only after an admin has verified it. You pay in advance through a balance; the maximum cost is reserved and you receive an invoice with 21% VAT.'],
        items: [
          'With every purchase you describe its purpose in your own words; an admin approves or rejects every request.',
          'You never try to recognise a person, compare groups to single out one person, or combine results with other sources to do so.',
          'Offers must be truthful, must not mislead and link only to an https address.',
          'Monthly privacy budgets limit how much you can ask and buy; once a budget is spent, you wait for the next month.',
        ],
      },
      {
        heading: 'What is not allowed',
        paragraphs: ['You do not use DataDividend to mislead or harm others, with someone else’s data, or to get around its security. If you do, we may block or close your account.'],
        items: [],
      },
      {
        heading: 'Liability',
        paragraphs: [
          'We do our best to keep DataDividend working well and safely, but we cannot promise it is always available. Categories are assigned automatically and can be wrong; you can correct them. Our liability is limited as far as the law allows; we always remain liable for intent or gross negligence.',
        ],
        items: [],
      },
      {
        heading: 'Changes and law',
        paragraphs: [
          'When we change these terms, the date at the top changes; we announce important changes in advance. Dutch law applies to these terms. If we cannot resolve a dispute together, you can go to the competent court in the Netherlands.',
        ],
        items: [],
      },
    ],
  },
  privacy: {
    title: 'Privacy statement',
    intro:
      '{{name}} is the controller of your personal data. Here you read which data we hold, why, how long we keep it, who receives what and which rights you have. An overview per kind of data is on the page ‘How we use your data’.',
    sections: [
      {
        heading: 'Which data',
        paragraphs: ['We process only what you enter or upload yourself, and what is needed to keep your account safe:'],
        items: [
          'Account: name, email address, language and a hashed form of your password (never the password itself).',
          'Profile: birth year and, from your postcode, only your province and municipality. We do not keep the postcode itself.',
          'Bank data: the statements you upload and the transactions in them (date, amount, description, counterparty, category).',
          'Your consent choices, with their history, and the industries you never want offers from.',
          'Derived features for counting groups, such as age band, region and spending band per category.',
          'Earnings and payouts, with the IBAN and name you are paid to.',
          'Security: sessions, devices you signed in on before, and in the audit log sign-in attempts with the IP address.',
        ],
      },
      {
        heading: 'Purposes and legal basis',
        paragraphs: [],
        items: [
          'Your account, your overviews and payouts: to perform our agreement with you.',
          'Being counted in anonymous statistics and offers in your inbox: only with your consent, per category and purpose. You can withdraw it at any time.',
          'Security, fraud prevention and the audit log: our legitimate interest in protecting the platform and your account.',
          'Bookkeeping of earnings and payouts: a legal obligation.',
        ],
      },
      {
        heading: 'Who receives what',
        paragraphs: [
          'Advertisers never receive data about you as a person. They see only aggregated counts to which noise is added on purpose (differential privacy): an estimate of a group shows a number only when the group has about 100 people or more, and report cells with fewer than 20 people are left out. Per calendar month all advertisers together may spend at most a fixed privacy budget (ε = 4) on you; once it is spent, you are not counted that month.',
          'An offer arrives in your inbox inside DataDividend; the advertiser does not get your address and sees only rounded counts of delivered, opened and clicked.',
          'For payouts the bank receives your IBAN, name and the amount. We do not sell or pass on your data to anyone.',
        ],
        items: [],
      },
      {
        heading: 'How long we keep it',
        paragraphs: [],
        items: [
          'As long as your account exists we keep your account, profile, bank and consent data. When you delete your account, all of it goes at once.',
          'A download of your data (ZIP) is kept for 7 days and then deleted.',
          'A session expires after 14 days; a recognised device after 180 days.',
          'Earnings and payouts stay after deletion under a random number, as long as bookkeeping law requires (7 years). A payout in progress keeps its IBAN and name until it is settled.',
          'The audit log is never changed; after deletion it only holds your account’s random number.',
        ],
      },
      {
        heading: 'Security',
        paragraphs: [
          'Passwords are stored with argon2id, sessions only as a hash. Repeated failed sign-ins are slowed down. What admins do is recorded in an audit log that cannot be altered.',
        ],
        items: [],
      },
      {
        heading: 'Your rights',
        paragraphs: ['You can use most of your rights yourself in DataDividend, without having to ask:'],
        items: [
          'Access and portability: download all your data as a ZIP under Privacy & export; Where my data went shows every sale you were in.',
          'Correction: change your profile and correct categories under My data.',
          'Withdrawing consent and objecting: switch consent off under Consent, or withdraw everything at once.',
          'Erasure: delete your account under Privacy & export; your sessions end immediately.',
          'If something does not work, email {{privacyEmail}}; we answer within a month.',
          'You can also file a complaint with the Dutch Data Protection Authority (autoriteitpersoonsgegevens.nl).',
        ],
      },
      {
        heading: 'Contact',
        paragraphs: ['{{name}}, {{address}} (KvK {{kvk}}), {{privacyEmail}}.'],
        items: [],
      },
    ],
  },
  data: {
    title: 'How we use your data',
    intro: 'Per kind of data: what it is, what we use it for, how long we keep it and who receives it. Advertisers receive only aggregated, anonymous counts.',
    sections: [
      {
        heading: 'Account',
        paragraphs: [],
        items: ['What: name, email address, language, hashed password.', 'Purpose: signing in and managing your account.', 'Kept: until you delete your account.', 'Who receives it: no one outside DataDividend.'],
      },
      {
        heading: 'Profile',
        paragraphs: [],
        items: ['What: birth year, province and municipality (not your postcode).', 'Purpose: age band and region in anonymous counts, only with your consent.', 'Kept: until you change it or delete your account.', 'Who receives it: advertisers only as part of aggregated counts.'],
      },
      {
        heading: 'Bank statements and transactions',
        paragraphs: [],
        items: [
          'What: the uploaded file and the transactions (date, amount, description, counterparty, category).',
          'Purpose: showing your spending and, with your consent per category, deriving spending bands for anonymous counts.',
          'Kept: until you delete your account.',
          'Who receives it: no one; single transactions never leave DataDividend.',
        ],
      },
      {
        heading: 'Consent',
        paragraphs: [],
        items: ['What: your choices per category and purpose, with end date and history.', 'Purpose: deciding what is and is not counted, and being able to show that you consented.', 'Kept: until you delete your account.', 'Who receives it: no one.'],
      },
      {
        heading: 'Sales, earnings and payouts',
        paragraphs: [],
        items: [
          'What: every sale you were in, your share (70% of every sale goes to the members), payout requests with IBAN and name.',
          'Purpose: paying you and showing where your data went.',
          'Kept: sales until you delete your account; the books for 7 years under a random number.',
          'Who receives it: the bank (IBAN, name, amount) for a payout.',
        ],
      },
      {
        heading: 'What advertisers receive',
        paragraphs: [],
        items: [
          'Estimates of a group’s size, rounded to two digits and only from about 100 people.',
          'Reports with counts per group, with noise; cells below 20 are left out.',
          'For a campaign: rounded counts of delivered, opened and clicked.',
          'Never: your name, email address, transactions, an id or a list of members.',
          'Per month all advertisers together may spend at most privacy budget ε = 4 on you.',
        ],
      },
      {
        heading: 'Security and log',
        paragraphs: [],
        items: ['What: sessions, recognised devices, sign-in attempts with IP address.', 'Purpose: protecting your account and preventing abuse.', 'Kept: sessions 14 days, devices 180 days; the audit log stays, after deletion only with a random number.', 'Who receives it: no one outside DataDividend.'],
      },
      {
        heading: 'Download of your data',
        paragraphs: [],
        items: ['What: a ZIP with everything we hold about you.', 'Purpose: your right of access and portability.', 'Kept: 7 days, then deleted.', 'Who receives it: only you.'],
      },
      {
        heading: 'Using your rights',
        paragraphs: [
          'Download and delete under Privacy & export, change consent under Consent, correct data under Profile and My data. Questions or a complaint: {{privacyEmail}}, or the Dutch Data Protection Authority.',
        ],
        items: [],
      },
    ],
  },
};
