import { useEffect, useState } from 'react';

/** A filter form's values, edited freely and reset whenever the URL brings other values. */
export function useDraft<T extends Record<string, string>>(fromUrl: T) {
  const [draft, setDraft] = useState(fromUrl);
  const key = JSON.stringify(fromUrl);
  // `key` stands for the values: a new object with the same values is no reason to reset.
  useEffect(() => setDraft(fromUrl), [key]);
  return [draft, setDraft] as const;
}
