import React, { useEffect, useRef } from 'react';
import { Box, Button, Icon, Text } from '@adminjs/design-system';
import type { ActionProps } from 'adminjs';

/** What each printable record prints as. */
const DOCUMENTS: Record<string, string> = { Payment: '收据', CashReport: '现金日报表', WorkOrder: '派工单' };

/**
 * 打印: the record's print page (/admin/print/<Resource>/<id>) opened in a new tab, as the button was pressed; if the
 * browser blocked that, the link below opens it. The action is decided like 详情 (show): it appears exactly when the
 * print page would answer.
 */
const PrintButton: React.FC<ActionProps> = ({ resource, record }) => {
  const href = record ? `/admin/print/${encodeURIComponent(resource.id)}/${encodeURIComponent(String(record.id))}` : '';
  const document = DOCUMENTS[resource.id] ?? '单据';
  const opened = useRef(false);
  useEffect(() => {
    if (!href || opened.current) return;
    opened.current = true;
    window.open(href, '_blank', 'noopener');
  }, [href]);
  if (!record) return null;
  return (
    <Box variant="container" data-testid="print-page">
      <Text mb="lg">
        {`${document}「${record.title}」的打印页已在新窗口中打开；如浏览器拦截了新窗口，请点击下面的按钮。`}
      </Text>
      <Button as="a" href={href} target="_blank" rel="noopener" variant="contained" data-testid="print-link">
        <Icon icon="Printer" />
        {`打开${document}打印页`}
      </Button>
      <Text mt="lg" variant="sm" color="grey60">
        打印页已按纸张排版，可直接打印，也可在打印对话框中另存为 PDF。
      </Text>
    </Box>
  );
};

export default PrintButton;
