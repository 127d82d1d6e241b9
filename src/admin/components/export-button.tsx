import React, { useEffect, useState } from 'react';
import { Button, Icon } from '@adminjs/design-system';
import { useLocation } from 'react-router';

/** The list's own query without its page: the export takes every page (GET <admin>/export/<Resource>.xlsx). */
export function exportHref(rootPath: string, resourceId: string, search: string): string {
  const query = new URLSearchParams(search);
  query.delete('page');
  query.delete('perPage');
  const rest = query.toString();
  return `${rootPath}/export/${encodeURIComponent(resourceId)}.xlsx${rest ? `?${rest}` : ''}`;
}

const rootPath = () =>
  (window as unknown as { REDUX_STATE?: { paths?: { rootPath?: string } } }).REDUX_STATE?.paths?.rootPath ?? '/admin';

/**
 * 导出 Excel: shown when the rules let this person export the list (`<Resource>.export`, asked once per list), it
 * downloads the rows of the list as filtered and sorted on the page, all its pages.
 */
const ExportButton: React.FC<{ resourceId: string }> = ({ resourceId }) => {
  const location = useLocation();
  const [allowed, setAllowed] = useState(false);
  useEffect(() => {
    let live = true;
    fetch(`/api/authority/decide?action=${encodeURIComponent(`${resourceId}.export`)}`, { credentials: 'same-origin' })
      .then((response) => (response.ok ? response.json() : { allowed: false }))
      .then((body: { allowed?: boolean }) => live && setAllowed(body.allowed === true))
      .catch(() => live && setAllowed(false));
    return () => {
      live = false;
    };
  }, [resourceId]);
  if (!allowed) return null;
  return (
    <Button
      as="a"
      href={exportHref(rootPath(), resourceId, location.search)}
      variant="outlined"
      size="sm"
      data-testid="export-xlsx"
    >
      <Icon icon="Download" />
      导出 Excel
    </Button>
  );
};

export default ExportButton;
