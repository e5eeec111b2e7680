// Every field where a passphrase or recovery key is typed: never autofilled by the browser (a
// project's passphrase is not a website's password), never spell-checked (which would send
// nothing anywhere here, but marks the words), and labelled the same way everywhere.
export function SecretField(props: {
  /** The visible label; also the field's accessible name unless `ariaLabel` says otherwise. */
  label: string;
  ariaLabel?: string;
  value: string;
  onChange(value: string): void;
  /** new-password where one is chosen, current-password where one is asked for again. */
  autoComplete?: 'off' | 'new-password' | 'current-password';
  autoFocus?: boolean;
  /** Only the field, where a heading beside it already says what it is for. */
  bare?: boolean;
}) {
  const input = (
    <input
      type="password"
      autoComplete={props.autoComplete ?? 'off'}
      spellCheck={false}
      aria-label={props.ariaLabel ?? props.label}
      autoFocus={props.autoFocus}
      value={props.value}
      onChange={(e) => props.onChange(e.target.value)}
    />
  );
  if (props.bare) return input;
  return (
    <label className="field">
      {props.label}
      {input}
    </label>
  );
}

/** The passphrase (or recovery key) an encrypted archive or backup needs to be restored. */
export function PassphraseInput(props: { value: string; onChange(value: string): void; purpose: string }) {
  return (
    <SecretField
      label={`${props.purpose} or recovery key`}
      ariaLabel="Passphrase or recovery key"
      value={props.value}
      onChange={props.onChange}
    />
  );
}
