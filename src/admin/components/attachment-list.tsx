import React from 'react';
import { Icon } from '@adminjs/design-system';
import type { BasePropertyProps } from 'adminjs';

/** In the list: a paperclip and the file name, or nothing. */
const AttachmentList: React.FC<BasePropertyProps> = ({ record }) => {
  const name = record?.params?.attachmentName;
  if (!name) return null;
  return (
    <span
      title={String(name)}
      style={{
        display: 'inline-block',
        maxWidth: 220,
        overflow: 'hidden',
        textOverflow: 'ellipsis',
        whiteSpace: 'nowrap',
        verticalAlign: 'bottom',
      }}
    >
      <Icon icon="Paperclip" /> {name}
    </span>
  );
};

export default AttachmentList;
