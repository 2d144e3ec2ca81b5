import { useRef, useState, type ChangeEvent, type FormEvent } from 'react';
import type { UseMutationResult } from '@tanstack/react-query';
import { checkStatementFile, type FileProblem } from './upload-rules';

/**
 * The file half of a statement upload form, shared by the customer's and the admin's: the chosen
 * file, its check before sending (re-checked as the choice changes once a problem was shown), the
 * multipart body, focus back on the field when something is wrong, and the name of the accepted file.
 */
export function useStatementUpload<TData, TError>(upload: UseMutationResult<TData, TError, FormData, unknown>, nameOf: (result: TData) => string) {
  const inputRef = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [problem, setProblem] = useState<FileProblem | null>(null);
  const [accepted, setAccepted] = useState<string | null>(null);

  const choose = (event: ChangeEvent<HTMLInputElement>) => {
    const chosen = event.target.files?.[0] ?? null;
    setFile(chosen);
    setAccepted(null);
    upload.reset();
    if (problem) setProblem(checkStatementFile(chosen));
  };

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setAccepted(null);
    const found = checkStatementFile(file);
    setProblem(found);
    if (found || !file) {
      inputRef.current?.focus();
      return;
    }
    const body = new FormData();
    body.append('file', file);
    upload.mutate(body, {
      onSuccess: (result) => {
        setAccepted(nameOf(result));
        setFile(null);
        if (inputRef.current) inputRef.current.value = '';
      },
      onError: () => inputRef.current?.focus(),
    });
  };

  return { inputRef, file, problem, accepted, choose, submit };
}
