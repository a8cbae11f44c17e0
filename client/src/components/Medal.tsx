import type { Medal as MedalValue } from '../gql/graphql.ts';
import { MedalIcon, MEDALS } from './icons/MedalIcon.tsx';

/** A board's medal for ranks 1-3, drawn (icons/MedalIcon.tsx), named "Gold medal" and so on. */
export function Medal({ medal }: { medal: MedalValue | null }) {
  if (!medal) return null;
  return (
    <span className="medal" title={MEDALS[medal].name}>
      <MedalIcon medal={medal} />
    </span>
  );
}
