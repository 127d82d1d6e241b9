import React from 'react';
import { Icon, Link, Text, ValueGroup } from '@adminjs/design-system';
import { useTranslation, type BasePropertyProps } from 'adminjs';
import { attachmentUrl, formatBytes } from './attachment-format.js';

/** A stored attachment: its name as a download link, and its size. */
export const AttachmentLink: React.FC<{
  resourceId: string;
  recordId: string | number;
  name: string;
  size: unknown;
}> = ({ resourceId, recordId, name, size }) => (
  <>
    <Link href={attachmentUrl(resourceId, recordId)} download>
      <Icon icon="Paperclip" /> {name}
    </Link>
    <Text as="span" color="grey60" ml="default">
      {formatBytes(size)}
    </Text>
  </>
);

/** The attachment on the show page. */
const AttachmentShow: React.FC<BasePropertyProps> = ({ record, property }) => {
  const { translateProperty } = useTranslation();
  const name = record?.params?.attachmentName;
  const label = translateProperty(property.label, property.resourceId);
  if (!name || !record?.id) return <ValueGroup label={label}>无附件</ValueGroup>;
  return (
    <ValueGroup label={label}>
      <AttachmentLink
        resourceId={property.resourceId}
        recordId={record.id}
        name={name}
        size={record.params.attachmentSize}
      />
    </ValueGroup>
  );
};

export default AttachmentShow;
