// The transcript is editable (so the caret, Shift+arrows and screen readers work as in any
// text field) but immutable: every command that would change it is swallowed here, at the
// highest priority, before any other handler can act. Copy is the one clipboard action
// left, and it copies the canonical text, not the DOM.
import {
  COMMAND_PRIORITY_CRITICAL,
  CONTROLLED_TEXT_INSERTION_COMMAND,
  COPY_COMMAND,
  CUT_COMMAND,
  DELETE_CHARACTER_COMMAND,
  DELETE_LINE_COMMAND,
  DELETE_WORD_COMMAND,
  DRAGSTART_COMMAND,
  DROP_COMMAND,
  FORMAT_ELEMENT_COMMAND,
  FORMAT_TEXT_COMMAND,
  INDENT_CONTENT_COMMAND,
  INSERT_LINE_BREAK_COMMAND,
  INSERT_PARAGRAPH_COMMAND,
  INSERT_TAB_COMMAND,
  KEY_BACKSPACE_COMMAND,
  KEY_DELETE_COMMAND,
  KEY_ENTER_COMMAND,
  KEY_TAB_COMMAND,
  mergeRegister,
  OUTDENT_CONTENT_COMMAND,
  PASTE_COMMAND,
  REMOVE_TEXT_COMMAND,
  SELECT_ALL_COMMAND,
  $selectAll,
  type LexicalCommand,
  type LexicalEditor,
} from 'lexical';

/** Cancels the browser's default for an event payload; other payloads have none. */
function swallow(payload: unknown): true {
  if (payload instanceof Event && payload.cancelable) payload.preventDefault();
  return true;
}

/**
 * Blocks every mutation command. `copyText` returns the canonical text of the current
 * selection (or null to let the browser copy natively).
 */
export function registerReadOnly(editor: LexicalEditor, copyText: () => string | null): () => void {
  const block = <T>(command: LexicalCommand<T>) => editor.registerCommand(command, swallow, COMMAND_PRIORITY_CRITICAL);
  return mergeRegister(
    // Every command that would change the text or its structure.
    block(CONTROLLED_TEXT_INSERTION_COMMAND),
    block(PASTE_COMMAND),
    block(CUT_COMMAND),
    block(DROP_COMMAND),
    block(DRAGSTART_COMMAND),
    block(DELETE_CHARACTER_COMMAND),
    block(DELETE_WORD_COMMAND),
    block(DELETE_LINE_COMMAND),
    block(REMOVE_TEXT_COMMAND),
    block(INSERT_PARAGRAPH_COMMAND),
    block(INSERT_LINE_BREAK_COMMAND),
    block(INSERT_TAB_COMMAND),
    block(FORMAT_TEXT_COMMAND),
    block(FORMAT_ELEMENT_COMMAND),
    block(INDENT_CONTENT_COMMAND),
    block(OUTDENT_CONTENT_COMMAND),
    block(KEY_ENTER_COMMAND),
    block(KEY_BACKSPACE_COMMAND),
    block(KEY_DELETE_COMMAND),
    // Ctrl+A: core cancels the native select-all and leaves it to a text plugin; we have none.
    editor.registerCommand(
      SELECT_ALL_COMMAND,
      () => {
        editor.update(() => void $selectAll());
        return true;
      },
      COMMAND_PRIORITY_CRITICAL,
    ),
    // Tab is claimed (no indent handler may run) but its default is kept, so focus moves on.
    editor.registerCommand(KEY_TAB_COMMAND, () => true, COMMAND_PRIORITY_CRITICAL),
    editor.registerCommand(
      COPY_COMMAND,
      (event) => {
        if (!(event instanceof ClipboardEvent) || !event.clipboardData) return false;
        const text = copyText();
        if (text === null) return false;
        event.preventDefault();
        event.clipboardData.setData('text/plain', text);
        return true;
      },
      COMMAND_PRIORITY_CRITICAL,
    ),
  );
}

/**
 * The browser-level backstop: a capture-phase `beforeinput` on the wrapper cancels every
 * native edit (typing, IME commits that are cancelable, spellcheck replacements, undo)
 * before Lexical or contenteditable can act on it.
 */
export function blockNativeInput(wrapper: HTMLElement): () => void {
  const cancel = (event: Event) => {
    if (event.cancelable) event.preventDefault();
  };
  wrapper.addEventListener('beforeinput', cancel, { capture: true });
  wrapper.addEventListener('drop', cancel, { capture: true });
  return () => {
    wrapper.removeEventListener('beforeinput', cancel, { capture: true });
    wrapper.removeEventListener('drop', cancel, { capture: true });
  };
}
