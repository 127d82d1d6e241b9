import React from 'react';
import { Badge, Box, H5, Table, TableBody, TableCell, TableHead, TableRow, Text } from '@adminjs/design-system';
import { ViewHelpers, type BasePropertyProps } from 'adminjs';
import { formatFen } from './money-format.js';

type Receipt = {
  id: number;
  receiptNumber: string;
  paidAt: string;
  payerName: string;
  kind: string;
  method: string;
  amount: number;
  isRefund: boolean;
  status: string;
  valid: boolean;
  voidReason: string | null;
};
type MethodTotal = { method: string; label: string; count: number; amount: number };
type Review = {
  id: number;
  outcome: 'matched' | 'different';
  outcomeLabel: string;
  differenceAmount: number;
  differenceText: string;
  note: string | null;
  reviewer: string;
  reviewedAt: string;
};
type Detail = {
  receipts: Receipt[];
  methods: MethodTotal[];
  refund: { count: number; amount: number };
  receiptCount: number;
  totalAmount: number;
  pendingCount: number;
  reviews: Review[];
};

const h = new ViewHelpers();
const right = { textAlign: 'right' as const, whiteSpace: 'nowrap' as const };

function parse(value: unknown): Detail | null {
  if (typeof value !== 'string' || value === '') return null;
  try {
    return JSON.parse(value) as Detail;
  } catch {
    return null;
  }
}

/** A receipt's amount as money moves: a refund paid out reads as minus. */
const signed = (r: Receipt) => formatFen(r.isRefund ? -r.amount : r.amount);

const Receipts: React.FC<{ detail: Detail }> = ({ detail }) => (
  <Box mb="xl" data-testid="cash-report-receipts">
    <H5 mb="lg">
      收据明细 <Badge size="sm">{detail.receipts.length}</Badge>
    </H5>
    {detail.receipts.length === 0 ? (
      <Text mb="lg">这张日报表还没有收据。</Text>
    ) : (
      <Table mb="lg">
        <TableHead>
          <TableRow>
            <TableCell>收据号</TableCell>
            <TableCell>收款时间</TableCell>
            <TableCell>交款人</TableCell>
            <TableCell>收款类别</TableCell>
            <TableCell>收款方式</TableCell>
            <TableCell style={right}>金额（元）</TableCell>
            <TableCell>状态</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {detail.receipts.map((r) => (
            <TableRow key={r.id} style={r.valid ? undefined : { color: '#898A9A' }}>
              <TableCell style={{ whiteSpace: 'nowrap' }}>
                <a href={h.recordActionUrl({ resourceId: 'Payment', recordId: String(r.id), actionName: 'show' })}>
                  {r.receiptNumber}
                </a>
              </TableCell>
              <TableCell style={{ whiteSpace: 'nowrap' }}>{r.paidAt}</TableCell>
              <TableCell>{r.payerName}</TableCell>
              <TableCell style={{ whiteSpace: 'nowrap' }}>{r.kind}</TableCell>
              <TableCell style={{ whiteSpace: 'nowrap' }}>{r.method}</TableCell>
              <TableCell style={{ ...right, textDecoration: r.valid ? undefined : 'line-through' }}>
                {signed(r)}
              </TableCell>
              <TableCell>
                {r.valid ? (
                  r.status
                ) : (
                  <>
                    <Badge size="sm">{r.status}</Badge>
                    {r.voidReason ? (
                      <Text color="grey60" fontSize="sm">
                        {r.voidReason}
                      </Text>
                    ) : null}
                  </>
                )}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    )}
    {detail.pendingCount > 0 ? (
      <Text mb="lg" color="grey60">
        另有当天收据 {detail.pendingCount} 张尚未计入，提交日报时一并计入。
      </Text>
    ) : null}
    <H5 mb="lg">按收款方式合计（有效收据）</H5>
    <Table data-testid="cash-report-method-totals">
      <TableHead>
        <TableRow>
          <TableCell>收款方式</TableCell>
          <TableCell style={right}>张数</TableCell>
          <TableCell style={right}>金额（元）</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {detail.methods.map((m) => (
          <TableRow key={m.method}>
            <TableCell>{m.label}</TableCell>
            <TableCell style={right}>{m.count}</TableCell>
            <TableCell style={right}>{formatFen(m.amount)}</TableCell>
          </TableRow>
        ))}
        <TableRow>
          <TableCell>退押金（付出）</TableCell>
          <TableCell style={right}>{detail.refund.count}</TableCell>
          <TableCell style={right}>{formatFen(-detail.refund.amount)}</TableCell>
        </TableRow>
        <TableRow>
          <TableCell>
            <strong>合计（净额）</strong>
          </TableCell>
          <TableCell style={right}>
            <strong>{detail.receiptCount}</strong>
          </TableCell>
          <TableCell style={right}>
            <strong>{formatFen(detail.totalAmount)}</strong>
          </TableCell>
        </TableRow>
      </TableBody>
    </Table>
  </Box>
);

const Reviews: React.FC<{ reviews: Review[] }> = ({ reviews }) => (
  <Box mb="xl" data-testid="cash-report-reviews">
    <H5 mb="lg">
      核对记录 <Badge size="sm">{reviews.length}</Badge>
    </H5>
    {reviews.length === 0 ? (
      <Text>尚未核对。</Text>
    ) : (
      <Table>
        <TableHead>
          <TableRow>
            <TableCell>核对时间</TableCell>
            <TableCell>核对人</TableCell>
            <TableCell>核对结果</TableCell>
            <TableCell>差异</TableCell>
            <TableCell>说明</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {reviews.map((r) => (
            <TableRow key={r.id}>
              <TableCell style={{ whiteSpace: 'nowrap' }}>{r.reviewedAt}</TableCell>
              <TableCell style={{ whiteSpace: 'nowrap' }}>{r.reviewer}</TableCell>
              <TableCell>
                <Badge size="sm" variant={r.outcome === 'matched' ? 'success' : 'danger'}>
                  {r.outcomeLabel}
                </Badge>
              </TableCell>
              <TableCell style={{ whiteSpace: 'nowrap' }}>{r.differenceText}</TableCell>
              <TableCell>{r.note ?? ''}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    )}
  </Box>
);

/** The report's receipts, its totals per method and its checks, as record.params.detail (JSON) brings them. */
const CashReportDetail: React.FC<BasePropertyProps> = ({ record, property }) => {
  const detail = parse(record?.params?.[property.path]);
  if (!detail) return null;
  return (
    <Box mt="lg">
      <Receipts detail={detail} />
      <Reviews reviews={detail.reviews} />
    </Box>
  );
};

export default CashReportDetail;
