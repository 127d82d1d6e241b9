import React from 'react';
import { Text, ValueGroup } from '@adminjs/design-system';
import { useTranslation, type BasePropertyProps } from 'adminjs';

/** A decision's reason; a refusal links to 试算 with the same person, action and record ("为什么被拒绝？"). */
const DecisionReason: React.FC<BasePropertyProps> = ({ property, record }) => {
  const { translateProperty } = useTranslation();
  const params = record?.params ?? {};
  const refused = params.allowed === false || params.allowed === 'false';
  const query = new URLSearchParams();
  if (params.staffId) query.set('staffId', String(params.staffId));
  const staffName = record?.populated?.staffId?.title;
  if (staffName) query.set('staffName', staffName);
  const action = params.actionCode ?? params.action;
  if (action) query.set('action', String(action));
  if (params.recordId) query.set('recordId', String(params.recordId));
  return (
    <ValueGroup label={translateProperty(property.label, property.resourceId)}>
      <Text>{String(params[property.path] ?? '')}</Text>
      {refused && action ? (
        <a href={`/admin/resources/AuthorityRule/actions/whatIf?${query.toString()}`}>
          为什么被拒绝？逐条看条件（试算）
        </a>
      ) : null}
    </ValueGroup>
  );
};

export default DecisionReason;
