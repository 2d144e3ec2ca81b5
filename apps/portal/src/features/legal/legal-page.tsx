import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { OperatorDetails } from '@dd/contract';
import { usePageTitle } from '../../app/page-title';
import { useTRPC } from '../../app/trpc';
import type { LegalDocument } from './legal.nl';
import './legal.css';

export const LEGAL_DOCS = ['terms', 'privacy', 'data'] as const;
export type LegalDoc = (typeof LEGAL_DOCS)[number];

export const legalPath = (doc: LegalDoc) => `/legal/${doc}`;

/** One legal document (terms, privacy statement, data overview), public for everyone, signed in or not. */
export function LegalPage({ doc }: { doc: LegalDoc }) {
  const { t } = useTranslation('legal');
  const trpc = useTRPC();
  // The operator's name, address and contacts are the deployment's (libs/config), not text in the bundle.
  const operator = useQuery(trpc.reference.operator.queryOptions(undefined, { staleTime: Infinity }));
  const document = t(doc, { returnObjects: true, ...operatorValues(operator.data) }) as LegalDocument;
  usePageTitle(document.title);
  return (
    <div className="dd-container page legal-page">
      <article className="legal-page__article" aria-labelledby="legal-title">
        <header className="legal-page__head">
          <h1 id="legal-title" className="legal-page__title">
            {document.title}
          </h1>
          <p className="legal-page__updated">{t('updated')}</p>
          {operator.data?.example ? <p className="legal-page__updated">{t('exampleDetails')}</p> : null}
          <p className="legal-page__intro">{document.intro}</p>
        </header>
        {document.sections.map((section) => (
          <section key={section.heading} className="legal-page__section">
            <h2 className="legal-page__heading">{section.heading}</h2>
            {section.paragraphs.map((paragraph) => (
              <p key={paragraph}>{paragraph}</p>
            ))}
            {section.items.length > 0 ? (
              <ul className="legal-page__list">
                {section.items.map((item) => (
                  <li key={item}>{item}</li>
                ))}
              </ul>
            ) : null}
          </section>
        ))}
      </article>
      <nav className="legal-page__related" aria-label={t('related')}>
        <h2 className="legal-page__related-title">{t('related')}</h2>
        <ul>
          {LEGAL_DOCS.filter((other) => other !== doc).map((other) => (
            <li key={other}>
              <Link to={legalPath(other)}>{t(`nav.${other}`)}</Link>
            </li>
          ))}
        </ul>
      </nav>
    </div>
  );
}

/** The values the documents' {{placeholders}} take; an ellipsis while they load, so no sentence names a wrong party. */
function operatorValues(operator: OperatorDetails | undefined): Record<string, string> {
  if (!operator) return { name: '…', address: '…', kvk: '…', privacyEmail: '…', supportEmail: '…' };
  return {
    name: operator.name,
    address: operator.addressLines.join(', '),
    kvk: operator.kvkNumber,
    privacyEmail: operator.privacyEmail,
    supportEmail: operator.supportEmail,
  };
}
