// Unknown PYB_* variables. A misspelt name (PYB_SIGNUP for PYB_ALLOW_SIGNUP)
// would otherwise be ignored without a word and the default would silently win,
// so start-up warns and names the closest known variable. The known names are
// the keys of the configuration schema, so a variable added there is known here.
import { distance } from 'fastest-levenshtein';
import { envSchema } from './config';

const PREFIX = 'PYB_';
const KNOWN = Object.keys(envSchema.shape).filter((name) => name.startsWith(PREFIX));

/** The known variable most like `name`: one that contains it (or is contained) first, then by edit distance. */
export function closestVariable(name: string): string | undefined {
  const word = name.slice(PREFIX.length);
  const rank = (known: string) => {
    const other = known.slice(PREFIX.length);
    const contains = other.includes(word) || word.includes(other);
    return [contains ? 0 : 1, distance(word, other)] as const;
  };
  return KNOWN.map((known) => ({ known, rank: rank(known) })).sort(
    (a, b) => a.rank[0] - b.rank[0] || a.rank[1] - b.rank[1],
  )[0]?.known;
}

/** One warning per PYB_* variable the server does not know; never includes the value. */
export function unknownVariableWarnings(env: Record<string, string | undefined>): string[] {
  return Object.keys(env)
    .filter((name) => name.startsWith(PREFIX) && !KNOWN.includes(name))
    .sort()
    .map((name) => {
      const closest = closestVariable(name);
      return `${name} is not a PackYourBag setting and is ignored${closest ? `; did you mean ${closest}?` : ''}`;
    });
}
