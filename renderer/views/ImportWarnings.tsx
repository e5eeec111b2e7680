// What an import could not carry over, listed in full: nothing is dropped without a word.
export function ImportWarnings(props: { warnings: string[] }) {
  if (props.warnings.length === 0) return null;
  return (
    <section className="import-warnings" aria-label="Not imported">
      <h3>Not imported, or changed on the way in ({props.warnings.length})</h3>
      <ul>
        {props.warnings.map((w, i) => (
          <li key={i}>{w}</li>
        ))}
      </ul>
    </section>
  );
}

const n = (count: number, one: string, many = `${one}s`) => `${count.toLocaleString()} ${count === 1 ? one : many}`;
export { n as countOf };
