import React from 'react';
import { Icon, Link, Text, ValueGroup } from '@adminjs/design-system';
import { useTranslation, type BasePropertyProps } from 'adminjs';
import { attachmentUrl, formatBytes } from './attachment-format.js';

/** The attachment on the show page: its name as a download link, and its size. */
const AttachmentShow: React.FC<BasePropertyProps> = ({ record, property }) => {
  const { translateProperty } = useTranslation();
  const name = record?.params?.attachmentName;
  const label = translateProperty(property.label, property.resourceId);
  if (!name || !record?.id) return <ValueGroup label={label}>无附件</ValueGroup>;
  return (
    <ValueGroup label={label}>
      <Link href={attachmentUrl(property.resourceId, record.id)} download>
        <Icon icon="Paperclip" /> {name}
      </Link>
      <Text as="span" color="grey60" ml="default">
        {formatBytes(record.params.attachmentSize)}
      </Text>
    </ValueGroup>
  );
};

export default AttachmentShow;
