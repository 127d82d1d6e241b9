import React, { useEffect, useState } from 'react';
import { InfoBox, Text } from '@adminjs/design-system';
import { useTranslation } from 'adminjs';
import { useSelector } from 'react-redux';
import { useParams } from 'react-router-dom';
import { reportNameOf } from '../../lib/report-values.js';

type ActionJSON = { name: string; component?: unknown };
type ResourceJSON = { id: string; resourceActions: ActionJSON[] };
type Decision = { allowed: boolean; reason: string };

/**
 * AdminJS action → catalogued action, as src/admin/access.ts decides them (search reads like the list, printing a
 * record reads it).
 */
const CATALOGUED: Record<string, string> = { search: 'list', bulkDelete: 'delete', print: 'show' };
/** Pages that stand for one rule action rather than a list of records (src/admin/resources/job-description-import.ts). */
const PAGE_ACTIONS: Record<string, string> = { JobDescriptionImport: 'Position.import' };

/** The rules' decision on this page, from the same endpoint the office's scripts use. */
function useDecision(action: string | undefined, recordId: string | undefined): Decision | null {
  const [decision, setDecision] = useState<Decision | null>(null);
  useEffect(() => {
    setDecision(null);
    if (!action) return undefined;
    let current = true;
    const query = new URLSearchParams({ action, ...(recordId ? { recordId } : {}) });
    fetch(`/api/authority/decide?${query}`, { credentials: 'same-origin' })
      .then(async (response) => (response.ok ? ((await response.json()) as Decision) : null))
      .then((answer) => current && setDecision(answer))
      .catch(() => undefined);
    return () => {
      current = false;
    };
  }, [action, recordId]);
  return decision;
}

function Refusal({ resourceId, actionName, reason }: { resourceId: string; actionName: string; reason: string }) {
  const { translateLabel, translateAction } = useTranslation();
  const resource = translateLabel(resourceId, resourceId);
  const page = reportNameOf(resourceId)
    ? `报表“${resource}”`
    : PAGE_ACTIONS[resourceId]
      ? `“${resource}”页面`
      : actionName === 'list'
        ? `“${resource}”列表`
        : `“${resource}”的“${translateAction(actionName, resourceId)}”页面`;
  return (
    <InfoBox title="没有权限" illustration="Padlock" testId="ForbiddenPage">
      <Text>{`您没有权限打开${page}：${reason}`}</Text>
    </InfoBox>
  );
}

type RouteProps = { OriginalComponent: React.ComponentType<Record<string, unknown>> } & Record<string, unknown>;

/**
 * A page this person may not open says so with the rule's reason: AdminJS leaves an action the rules refuse out of
 * the page's actions and then reports "page not found". Shared by the resource, resource action and record action routes.
 */
const ForbiddenPage: React.FC<RouteProps> = (props) => {
  const { OriginalComponent } = props;
  // The bare resource address (/admin/resources/Ticket, the sidebar's link) opens its list.
  const { resourceId = '', actionName = 'list', recordId } = useParams();
  const resources = useSelector((state: { resources: ResourceJSON[] }) => state.resources);
  const resource = resources.find((r) => r.id === resourceId);
  // A resource page is refused when AdminJS has no such action for this person; a record's page is asked every time
  // (its actions arrive with the record), which costs one small request.
  const missing =
    resource && !recordId && !resource.resourceActions.some((a) => a.name === actionName && a.component !== false);
  // A report's page (ReportMonthlyTickets) is decided as the report itself: Report.monthlyTickets.
  const report = reportNameOf(resourceId);
  const catalogued = report
    ? `Report.${report}`
    : (PAGE_ACTIONS[resourceId] ?? `${resourceId}.${CATALOGUED[actionName] ?? actionName}`);
  const asked = resource && (recordId || missing) ? catalogued : undefined;
  const decision = useDecision(asked, recordId);
  if (decision && !decision.allowed)
    return <Refusal resourceId={resourceId} actionName={actionName} reason={decision.reason} />;
  return <OriginalComponent {...props} />;
};

export default ForbiddenPage;
