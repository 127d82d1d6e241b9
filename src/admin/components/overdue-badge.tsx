import React from 'react';
import { Badge } from '@adminjs/design-system';
import type { ShowPropertyProps } from 'adminjs';

/** 逾期 in red where a ticket is open past its due time; nothing otherwise. */
const OverdueBadge: React.FC<ShowPropertyProps> = ({ record, property }) =>
  record?.params?.[property.path] === true || record?.params?.[property.path] === 'true' ? (
    <Badge variant="danger" size="sm">
      逾期
    </Badge>
  ) : null;

export default OverdueBadge;
