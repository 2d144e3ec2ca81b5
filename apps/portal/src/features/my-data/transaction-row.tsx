import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useMutation, useQueryClient, type InfiniteData } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { TransactionDto } from '@dd/contract';
import { Badge, Button, Icon, SelectField } from '@dd/ui';
import { describeError } from '../../app/api-error';
import { fieldErrorText } from '../../app/field-error-text';
import { formatDate, formatMoney } from '../../app/format';
import type { ReferenceLabels } from '../../app/reference-labels';
import { useTRPC } from '../../app/trpc';
import { CategoryOptions } from './category-options';

type Page = { items: TransactionDto[]; nextCursor: string | null };

interface TransactionRowProps {
  transaction: TransactionDto;
  labels: ReferenceLabels;
  /** Called with a sentence to announce after a category was corrected. */
  onSaved: (message: string) => void;
}

export function TransactionRow({ transaction, labels, onSaved }: TransactionRowProps) {
  const { t, i18n } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState(false);
  const [choice, setChoice] = useState(transaction.category);
  const selectRef = useRef<HTMLSelectElement>(null);
  const changeRef = useRef<HTMLButtonElement>(null);
  const wasEditing = useRef(false);
  const name = transaction.counterpartyName || t('data.transactions.noCounterparty');
  const date = formatDate(transaction.bookedOn, i18n.language);

  // Focus follows the editor: into the select when it opens, back to "Change" when it closes.
  useEffect(() => {
    if (editing) selectRef.current?.focus();
    else if (wasEditing.current) changeRef.current?.focus();
    wasEditing.current = editing;
  }, [editing]);

  const recategorise = useMutation(
    trpc.transactions.recategorise.mutationOptions({
      onSuccess: (updated) => {
        queryClient.setQueriesData<InfiniteData<Page>>({ queryKey: trpc.transactions.list.pathKey() }, (data) =>
          data ? { ...data, pages: data.pages.map((page) => ({ ...page, items: page.items.map((item) => (item.id === updated.id ? updated : item)) })) } : data,
        );
        void queryClient.invalidateQueries({ queryKey: trpc.transactions.spending.pathKey() });
        void queryClient.invalidateQueries({ queryKey: trpc.profile.pathKey() });
        setEditing(false);
        onSaved(t('data.transactions.saved', { name, category: labels.category(updated.category) }));
      },
    }),
  );

  const open = () => {
    setChoice(transaction.category);
    recategorise.reset();
    setEditing(true);
  };

  const save = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (choice === transaction.category) {
      setEditing(false);
      return;
    }
    recategorise.mutate({ transactionId: transaction.id, category: choice });
  };

  const neverShared = transaction.special || transaction.protectedLifeEvent;
  const error = recategorise.isError ? describeError(recategorise.error) : null;
  const fieldKey = error?.fieldErrors['category']?.[0];
  const errorText = error
    ? fieldKey
      ? fieldErrorText(t, i18n, fieldKey)
      : `${t('data.transactions.saveFailed')} ${t(error.messageKey)}`
    : undefined;

  return (
    <tr className={neverShared ? 'transactions-table__row transactions-table__row--private' : 'transactions-table__row'}>
      <td className="transactions-table__date">{date}</td>
      <td className="transactions-table__what">
        <span className="transactions-table__name">{name}</span>
        {transaction.reversal ? <Badge tone="neutral">{t('data.transactions.reversal')}</Badge> : null}
        {transaction.description ? <span className="transactions-table__description">{transaction.description}</span> : null}
      </td>
      <td className="transactions-table__category">
        {editing ? (
          <form className="category-editor" onSubmit={save}>
            <SelectField
              ref={selectRef}
              label={t('data.transactions.newCategory', { name })}
              labelHidden
              value={choice}
              onChange={(event) => setChoice(event.target.value)}
              error={errorText}
            >
              <CategoryOptions labels={labels} />
            </SelectField>
            <div className="category-editor__actions">
              <Button type="submit" size="sm" loading={recategorise.isPending}>
                {t('common.save')}
              </Button>
              <Button variant="ghost" size="sm" onClick={() => setEditing(false)} disabled={recategorise.isPending}>
                {t('common.cancel')}
              </Button>
            </div>
          </form>
        ) : (
          <div className="category-cell">
            <span className="category-cell__label">{labels.category(transaction.category)}</span>
            <span className="category-cell__badges">
              {transaction.categorySource === 'customer' ? (
                <Badge tone="info">
                  <Icon name="pencil" size={12} />
                  {t('data.transactions.correctedByYou')}
                </Badge>
              ) : null}
              {neverShared ? (
                <Badge tone="warning">
                  <Icon name="lock" size={12} />
                  {t('data.transactions.neverShared')}
                </Badge>
              ) : null}
            </span>
            <Button ref={changeRef} variant="ghost" size="sm" className="category-cell__change" onClick={open} aria-label={t('data.transactions.changeLabel', { name, date })}>
              {t('data.transactions.change')}
            </Button>
          </div>
        )}
      </td>
      <td className={transaction.amountCents < 0 ? 'dd-table__number transactions-table__amount' : 'dd-table__number transactions-table__amount transactions-table__amount--in'}>
        {formatMoney(transaction.amountCents, transaction.currency)}
      </td>
    </tr>
  );
}
