import type { Medal as MedalValue } from '../gql/graphql.ts';

const MEDALS: Record<MedalValue, { icon: string; name: string }> = {
  GOLD: { icon: '🥇', name: 'Gold medal' },
  SILVER: { icon: '🥈', name: 'Silver medal' },
  BRONZE: { icon: '🥉', name: 'Bronze medal' },
};

export function Medal({ medal }: { medal: MedalValue | null }) {
  if (!medal) return null;
  const { icon, name } = MEDALS[medal];
  return (
    <span className="medal" role="img" aria-label={name} title={name}>
      {icon}
    </span>
  );
}
