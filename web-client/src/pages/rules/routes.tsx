import type { ReactElement } from 'react';
import { AreaPage } from './AreaPage';
import { RulesPage } from './RulesPage';

/** /rules (the rules explained) and /areas/:id (an area and its rules in force); null for any other path. */
export function rulesRoute(path: string): ReactElement | null {
  if (path === '/rules') return <RulesPage key={path} />;
  const match = /^\/areas\/([^/]+)$/.exec(path);
  if (!match?.[1]) return null;
  let id: string;
  try {
    id = decodeURIComponent(match[1]);
  } catch {
    return null;
  }
  return <AreaPage key={path} id={id} />;
}
