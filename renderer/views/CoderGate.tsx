// Who is coding on this machine. Every coding records its coder, so the coding screens ask
// once per project and machine; the choice can be changed from the project header.
import { useState } from 'react';
import { newCoder } from '../core/coding';
import type { Coder } from '../core/shared';
import { Modal } from './common';
import { useProject } from './projectContext';

const COLOURS = ['#2f6db5', '#b5512f', '#2f9b6d', '#8a3fb5', '#b58a2f', '#2f9bb5'];

export function CoderGate(props: { onChosen(coder: Coder): void; onClose?: () => void }) {
  const { coders, actWith } = useProject();
  const [name, setName] = useState('');
  const [colour, setColour] = useState(COLOURS[coders.length % COLOURS.length]!);
  return (
    <Modal title="Who is coding?" onClose={props.onClose ?? (() => {})}>
      <div className="modal-body coder-gate">
        <p className="muted">
          Every coding records its coder, so that two coders can compare their work. This computer remembers who you are, for every project
          on it.
        </p>
        {coders.length > 0 && (
          <ul className="plain">
            {coders.map((c) => (
              <li key={c.id}>
                <button type="button" className="coder-choice" onClick={() => props.onChosen(c)}>
                  <span className="swatch" style={{ background: c.colour }} /> {c.name}
                </button>
              </li>
            ))}
          </ul>
        )}
        <form
          className="row"
          onSubmit={async (e) => {
            e.preventDefault();
            const id = crypto.randomUUID();
            if (await actWith((fresh) => newCoder(fresh.coders, name, colour, () => id))) props.onChosen({ id, name: name.trim(), colour });
          }}
        >
          <input aria-label="New coder name" placeholder="Your name or initials" value={name} onChange={(e) => setName(e.target.value)} />
          <input aria-label="New coder colour" type="color" value={colour} onChange={(e) => setColour(e.target.value)} />
          <button type="submit" className="primary">
            Add me as a coder
          </button>
        </form>
      </div>
    </Modal>
  );
}
