import { useRef, useState, type ChangeEvent, type FormEvent } from 'react';
import type { UseMutationResult } from '@tanstack/react-query';
import { checkStatementFile, type FileProblem } from './upload-rules';

/**
 * The file half of a statement upload form, shared by the customer's and the admin's: the chosen
 * file, its check before sending (re-checked as the choice changes once a problem was shown), the
 * file sent as it is, focus back on the field when something is wrong, and what the API answered for the
 * accepted file (the panel shows "being read" only while the list says it still is).
 */
export function useStatementUpload<TData, TError>(upload: UseMutationResult<TData, TError, FormData | Blob, unknown>) {
  const inputRef = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [problem, setProblem] = useState<FileProblem | null>(null);
  const [accepted, setAccepted] = useState<TData | null>(null);

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
    // The file itself, not a form: the API streams it to storage (its name goes in a header, see app/trpc.ts).
    upload.mutate(file, {
      onSuccess: (result) => {
        setAccepted(result);
        setFile(null);
        if (inputRef.current) inputRef.current.value = '';
      },
      onError: () => inputRef.current?.focus(),
    });
  };

  return { inputRef, file, problem, accepted, choose, submit };
}
