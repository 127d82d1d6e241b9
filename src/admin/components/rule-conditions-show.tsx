import React from 'react';
import { Box, Label, Text } from '@adminjs/design-system';
import { useTranslation, type BasePropertyProps } from 'adminjs';

/**
 * A rule's actions or conditions on its page: in words (written by the explainer on the server), with the JSON
 * folded away under 高级（JSON）.
 */
const RuleConditionsShow: React.FC<BasePropertyProps> = ({ property, record, resource }) => {
  const { translateProperty } = useTranslation();
  const params = record?.params ?? {};
  const words = params[`${property.name}InWords`];
  const json = params[property.name];
  return (
    <Box mb="xl" data-testid={`rule-${property.name}-in-words`}>
      <Label>{translateProperty(property.name, resource.id)}</Label>
      <Text>{typeof words === 'string' && words !== '' ? words : '—'}</Text>
      {typeof json === 'string' && json !== '' ? (
        <details style={{ marginTop: 4 }}>
          <summary style={{ cursor: 'pointer', color: '#898A9A', fontSize: 12 }}>高级（JSON）</summary>
          <pre style={{ fontSize: 12, background: '#F6F7FB', padding: 8, overflowX: 'auto' }}>{json}</pre>
        </details>
      ) : null}
    </Box>
  );
};

export default RuleConditionsShow;
