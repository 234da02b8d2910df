/**
 * Colour families for jieba's part-of-speech tags (the ICTCLAS tag set).
 *
 * @module
 */

/** A family of tags shown in one colour. */
export interface PosFamily {
  id: string;
  label: string;
  color: string;
}

export const FAMILIES: readonly PosFamily[] = [
  { id: 'person', label: 'person (nr)', color: '#e4572e' },
  { id: 'place', label: 'place (ns)', color: '#17a398' },
  { id: 'org', label: 'organisation (nt)', color: '#8e44ad' },
  { id: 'noun', label: 'noun (n…)', color: '#2e86de' },
  { id: 'verb', label: 'verb (v…)', color: '#27ae60' },
  { id: 'adj', label: 'adjective (a…)', color: '#f39c12' },
  { id: 'adv', label: 'adverb (d)', color: '#d35400' },
  { id: 'num', label: 'number, measure (m, q)', color: '#c0392b' },
  { id: 'time', label: 'time (t)', color: '#16a085' },
  { id: 'pron', label: 'pronoun (r)', color: '#7f8c8d' },
  { id: 'func', label: 'function word (p, c, u…)', color: '#95a5a6' },
  { id: 'idiom', label: 'idiom, phrase (i, l)', color: '#b03a48' },
  { id: 'eng', label: 'Latin (eng)', color: '#34495e' },
  { id: 'other', label: 'other', color: '#a0a0a0' },
  { id: 'punct', label: 'punctuation (x)', color: '#cfcfcf' },
];

const BY_ID = new Map(FAMILIES.map((f) => [f.id, f]));

/**
 * The family of a tag: `nr` (paddle mode: `PER`) person, `ns` (`LOC`) place,
 * `nt` (`ORG`) organisation, `TIME` time, `w` punctuation, else by first letter.
 */
export function familyOf(tag: string): PosFamily {
  if (tag.startsWith('nr') || tag === 'PER') return BY_ID.get('person')!;
  if (tag === 'ns' || tag === 'LOC') return BY_ID.get('place')!;
  if (tag === 'nt' || tag === 'ORG') return BY_ID.get('org')!;
  if (tag === 'TIME') return BY_ID.get('time')!;
  if (tag === 'w') return BY_ID.get('punct')!;
  if (tag === 'eng') return BY_ID.get('eng')!;
  const id = (
    {
      n: 'noun',
      v: 'verb',
      a: 'adj',
      d: 'adv',
      m: 'num',
      q: 'num',
      t: 'time',
      r: 'pron',
      p: 'func',
      c: 'func',
      u: 'func',
      y: 'func',
      e: 'func',
      i: 'idiom',
      l: 'idiom',
      x: 'punct',
    } as Record<string, string>
  )[tag[0] ?? ''];
  return BY_ID.get(id ?? 'other')!;
}
