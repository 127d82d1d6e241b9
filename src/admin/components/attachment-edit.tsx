import React, { useRef } from 'react';
import { Box, Button, FormGroup, FormMessage, Icon, Label, Text } from '@adminjs/design-system';
import { useTranslation, type EditPropertyProps } from 'adminjs';
import { ATTACHMENT_ACCEPT, ATTACHMENT_HINT, formatBytes } from './attachment-format.js';
import { AttachmentLink } from './attachment-show.js';

/** The attachment on the new/edit form: the current file (downloadable) and a file picker that replaces it on save. */
const AttachmentEdit: React.FC<EditPropertyProps> = ({ property, record, onChange }) => {
  const { translateProperty, translateMessage } = useTranslation();
  const input = useRef<HTMLInputElement>(null);
  const error = record?.errors?.[property.path];
  const currentName = record?.params?.attachmentName;
  const chosen: unknown = record?.params?.[property.path];
  const file = chosen instanceof File ? chosen : null;
  const choose = (next: File | null) => {
    onChange(property.path, next);
    if (!next && input.current) input.current.value = '';
  };
  return (
    <FormGroup error={Boolean(error)}>
      <Label>{translateProperty(property.label, property.resourceId)}</Label>
      {currentName && record?.id ? (
        <Box mb="default">
          <Text as="span" color="grey60">
            当前附件：
          </Text>
          <AttachmentLink
            resourceId={property.resourceId}
            recordId={record.id}
            name={currentName}
            size={record.params.attachmentSize}
          />
        </Box>
      ) : null}
      <Box flex flexDirection="row" alignItems="center">
        <input
          ref={input}
          type="file"
          accept={ATTACHMENT_ACCEPT}
          style={{ display: 'none' }}
          onChange={(event) => choose(event.target.files?.[0] ?? null)}
        />
        <Button type="button" variant="outlined" size="sm" onClick={() => input.current?.click()}>
          <Icon icon="Upload" />
          {currentName ? '选择新文件替换' : '选择文件'}
        </Button>
        {file ? (
          <>
            <Text as="span" ml="lg">
              {file.name}
            </Text>
            <Text as="span" color="grey60" ml="default">
              {formatBytes(file.size)}
            </Text>
            <Button type="button" variant="text" size="sm" ml="default" onClick={() => choose(null)}>
              取消
            </Button>
          </>
        ) : null}
      </Box>
      <Text variant="sm" color="grey60" mt="sm">
        {ATTACHMENT_HINT}
        {currentName ? '；保存后新文件替换当前附件' : ''}
      </Text>
      <FormMessage>{error ? translateMessage(error.message, property.resourceId) : null}</FormMessage>
    </FormGroup>
  );
};

export default AttachmentEdit;
