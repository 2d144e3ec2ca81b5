import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Card, type IconName } from '@dd/ui';

export interface Step {
  id: string;
  icon: IconName;
  title: string;
  body: ReactNode;
  footer?: ReactNode;
}

interface StepListProps {
  title: string;
  steps: readonly Step[];
  /** Numbered steps are a path to follow; unnumbered ones are separate tasks. */
  numbered?: boolean;
}

export function StepList({ title, steps, numbered = true }: StepListProps) {
  const { t } = useTranslation();
  const headingId = useId();
  const List = numbered ? 'ol' : 'ul';
  return (
    <section className="home-section" aria-labelledby={headingId}>
      <h2 className="home-section__title" id={headingId}>
        {title}
      </h2>
      {/* Six items read best as two rows of three, four as one row of four. */}
      <List className={steps.length % 3 === 0 ? 'step-list step-list--three' : 'step-list'}>
        {steps.map((step, index) => (
          <Card
            key={step.id}
            as="li"
            icon={step.icon}
            eyebrow={numbered ? t('home.stepLabel', { number: index + 1 }) : undefined}
            title={step.title}
            footer={step.footer}
          >
            <p>{step.body}</p>
          </Card>
        ))}
      </List>
    </section>
  );
}
