import React from 'react';
import { Badge, Box, Label, Text } from '@adminjs/design-system';
import { useTranslation, type BasePropertyProps } from 'adminjs';

/**
 * A warning a record carries (a rule's 条款变动待复核): on a list a badge with the whole text on hover, on the record's
 * page a yellow box under its label; nothing when there is none.
 */
const Warning: React.FC<BasePropertyProps> = ({ record, property, where }) => {
  const { translateProperty } = useTranslation();
  const label = translateProperty(property.label, property.resourceId);
  const text = record?.params?.[property.path];
  if (typeof text !== 'string' || text === '') return null;
  if (where === 'list')
    return (
      <Badge variant="danger" size="sm" outline title={text}>
        {label}
      </Badge>
    );
  return (
    <Box mb="xl" data-testid="record-warning">
      <Label>{label}</Label>
      <Box padding="default" style={{ background: '#FFF4D6', borderLeft: '4px solid #C88A00' }}>
        <Text style={{ whiteSpace: 'pre-wrap' }}>{text}</Text>
      </Box>
    </Box>
  );
};

export default Warning;
