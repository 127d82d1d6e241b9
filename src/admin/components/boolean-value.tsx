import React from 'react';
import { Badge } from '@adminjs/design-system';
import { useTranslation, type BasePropertyProps } from 'adminjs';

/**
 * A yes/no value in lists and records: the resource's own words when it has them (启用 / 停用 …), else 是 / 否 —
 * AdminJS's default is English "Yes" / "No" for any field the vocabulary does not label (a list's 待清理 …).
 */
const BooleanValue: React.FC<BasePropertyProps> = ({ record, property, resource }) => {
  const { tl } = useTranslation();
  const raw = record?.params?.[property.path];
  if (raw === undefined || raw === '' || raw === null) return null;
  const yes = raw === true || raw === 'true';
  const text = tl(`${property.path}.${String(yes)}`, resource.id, { defaultValue: yes ? '是' : '否' });
  return (
    <Badge outline size="sm">
      {text}
    </Badge>
  );
};

export default BooleanValue;
