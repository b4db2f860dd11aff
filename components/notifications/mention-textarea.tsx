'use client';

import { useEffect, useId, useRef, useState, type TextareaHTMLAttributes } from 'react';
import { apiFetch } from '@/lib/client/api-client';

type Person = { id: string; name: string };

let directory: Promise<Person[]> | null = null;
/** Active users, fetched once per page. */
function loadDirectory(): Promise<Person[]> {
  directory ??= apiFetch<{ users: Person[] }>('/api/users/mentionable').then(
    ({ users }) => users,
    () => {
      directory = null;
      return [];
    },
  );
  return directory;
}

interface Props extends Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'value' | 'onChange'> {
  value: string;
  onValueChange: (value: string) => void;
}

/**
 * A textarea that completes `@name` mentions (a combobox: arrows choose, Enter or Tab insert,
 * Escape closes). What it inserts, `@Full Name`, is what the server looks for to notify them.
 */
export function MentionTextarea({ value, onValueChange, ...rest }: Props) {
  const ref = useRef<HTMLTextAreaElement>(null);
  const listId = useId();
  const [people, setPeople] = useState<Person[]>([]);
  const [query, setQuery] = useState<{ text: string; at: number } | null>(null);
  const [active, setActive] = useState(0);

  useEffect(() => {
    void loadDirectory().then(setPeople);
  }, []);

  const matches = query ? people.filter((p) => p.name.toLowerCase().includes(query.text.toLowerCase())).slice(0, 6) : [];
  const open = query !== null && matches.length > 0;

  function track(text: string, caret: number) {
    // An @ at the start or after a space, then up to 30 characters without a line break.
    const match = /(^|\s)@([^\n@]{0,30})$/.exec(text.slice(0, caret));
    setQuery(match ? { text: match[2]!, at: caret - match[2]!.length - 1 } : null);
    setActive(0);
  }

  function insert(person: Person) {
    if (!query) return;
    const caret = ref.current?.selectionStart ?? value.length;
    const next = `${value.slice(0, query.at)}@${person.name} ${value.slice(caret)}`;
    onValueChange(next);
    setQuery(null);
    const position = query.at + person.name.length + 2;
    requestAnimationFrame(() => ref.current?.setSelectionRange(position, position));
  }

  return (
    <div className="mention-box">
      <textarea
        {...rest}
        ref={ref}
        value={value}
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={open}
        aria-controls={open ? listId : undefined}
        aria-activedescendant={open ? `${listId}-${active}` : undefined}
        onChange={(event) => {
          onValueChange(event.target.value);
          track(event.target.value, event.target.selectionStart);
        }}
        onKeyDown={(event) => {
          if (!open) return;
          if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
            event.preventDefault();
            setActive((i) => (i + (event.key === 'ArrowDown' ? 1 : matches.length - 1)) % matches.length);
          } else if (event.key === 'Enter' || event.key === 'Tab') {
            event.preventDefault();
            insert(matches[active]!);
          } else if (event.key === 'Escape') {
            event.stopPropagation();
            setQuery(null);
          }
        }}
        onBlur={() => setTimeout(() => setQuery(null), 150)}
      />
      {open && (
        <ul className="mention-list" role="listbox" id={listId} aria-label="People to mention">
          {matches.map((person, index) => (
            <li
              key={person.id}
              id={`${listId}-${index}`}
              role="option"
              aria-selected={index === active}
              className={index === active ? 'active' : undefined}
              onMouseDown={(event) => {
                event.preventDefault();
                insert(person);
              }}
            >
              {person.name}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
