import React, { useMemo, useState } from 'react';
import {
  Box,
  Button,
  CheckBox,
  FormGroup,
  FormMessage,
  H4,
  Input,
  Label,
  Select,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Text,
} from '@adminjs/design-system';
import { ApiClient, useNotice, type ActionProps } from 'adminjs';
import { useNavigate } from 'react-router';
import { formatFen, yuanToFen } from './money-format.js';

/** One of the owner's bills still owing, as the server lists them (oldest period first); money in fen. */
type Bill = {
  id: number;
  description: string;
  period: string;
  unitId: number;
  unitLabel: string;
  dueDate: string;
  status: 'unpaid' | 'partial';
  amount: number;
  paidAmount: number;
  due: number;
};
type Option = { value: string; label: string };
type Custom = { methods?: Option[]; statuses?: Record<string, string> };

const api = new ApiClient();

/** Which bills start ticked: those named in the address (a bill's 收款), or a room's (a room's 收款). */
function initiallyTicked(bills: Bill[]): Set<number> {
  const query = new URLSearchParams(window.location.search);
  const named = new Set(
    (query.get('billIds') ?? '')
      .split(',')
      .map(Number)
      .filter((id) => Number.isInteger(id) && id > 0),
  );
  const unitId = Number(query.get('unitId'));
  return new Set(bills.filter((b) => named.has(b.id) || (unitId > 0 && b.unitId === unitId)).map((b) => b.id));
}

/** How an amount is spread over the ticked bills, oldest period first (the server does the same, and decides). */
function spread(bills: Bill[], ticked: Set<number>, amount: number | null): Map<number, number> {
  const shares = new Map<number, number>();
  let left = amount ?? 0;
  for (const bill of bills) {
    if (!ticked.has(bill.id)) continue;
    const share = Math.max(0, Math.min(left, bill.due));
    shares.set(bill.id, share);
    left -= share;
  }
  return shares;
}

const fen = (value: string): number | null => {
  const parsed = yuanToFen(value);
  return typeof parsed === 'number' ? parsed : null;
};

/**
 * 收款 on an owner's page: tick the bills being paid (amounts still owed shown, oldest first), the amount (the ticked
 * bills' total unless changed: a smaller amount settles the last bill partly), the method and, for cash, what was
 * handed over, with the change. One button issues one receipt for all of them.
 */
const CollectForm: React.FC<ActionProps> = ({ action, resource, record }) => {
  const custom = (action.custom ?? {}) as Custom;
  const bills = useMemo<Bill[]>(() => {
    try {
      return JSON.parse(String(record?.params?.collectable ?? '[]')) as Bill[];
    } catch {
      return [];
    }
  }, [record]);
  const [ticked, setTicked] = useState<Set<number>>(() => initiallyTicked(bills));
  const totalDue = (set: Set<number>) => bills.filter((b) => set.has(b.id)).reduce((sum, b) => sum + b.due, 0);
  const [amountText, setAmountText] = useState(() => {
    const total = totalDue(initiallyTicked(bills));
    return total > 0 ? (total / 100).toFixed(2) : '';
  });
  const [method, setMethod] = useState('');
  const [tenderedText, setTenderedText] = useState('');
  const [payerName, setPayerName] = useState('');
  const [errors, setErrors] = useState<Record<string, { message: string }>>({});
  const [busy, setBusy] = useState(false);
  const addNotice = useNotice();
  const navigate = useNavigate();

  const amount = fen(amountText);
  const tendered = fen(tenderedText);
  const shares = spread(bills, ticked, amount);
  const change = method === 'cash' && tendered !== null && amount !== null ? tendered - amount : null;

  const retick = (next: Set<number>) => {
    setTicked(next);
    const total = totalDue(next);
    setAmountText(total > 0 ? (total / 100).toFixed(2) : '');
  };
  const toggle = (id: number) => {
    const next = new Set(ticked);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    retick(next);
  };
  const allTicked = bills.length > 0 && bills.every((b) => ticked.has(b.id));

  const submit = async () => {
    setBusy(true);
    try {
      const response = await api.recordAction({
        resourceId: resource.id,
        recordId: record!.id,
        actionName: action.name,
        data: {
          billIds: bills
            .filter((b) => ticked.has(b.id))
            .map((b) => b.id)
            .join(','),
          amount: amount ?? amountText,
          method,
          tendered: method === 'cash' ? (tendered ?? tenderedText) : '',
          payerName,
        },
      });
      const data = response.data as {
        notice?: { message: string; type: 'success' | 'error' };
        record?: { errors?: Record<string, { message: string }> };
        redirectUrl?: string;
      };
      if (data.notice) addNotice({ message: data.notice.message, type: data.notice.type });
      setErrors(data.record?.errors ?? {});
      if (data.notice?.type === 'success' && data.redirectUrl) navigate(data.redirectUrl);
    } finally {
      setBusy(false);
    }
  };

  if (bills.length === 0) {
    return (
      <Box variant="container" padding="xl" data-testid="collect-form">
        <Text mb="lg">{record?.title}</Text>
        <Text>该业主没有未缴或部分缴纳的账单，无需收款。</Text>
      </Box>
    );
  }

  return (
    <Box variant="container" padding="xl" data-testid="collect-form">
      <H4 mb="lg">{record?.title} · 未缴账单（按账期从早到晚）</H4>
      <FormGroup error={Boolean(errors.billIds)}>
        <Table mb="lg">
          <TableHead>
            <TableRow>
              <TableCell>
                <CheckBox
                  id="collect-all"
                  checked={allTicked}
                  onChange={() => retick(allTicked ? new Set() : new Set(bills.map((b) => b.id)))}
                />
              </TableCell>
              <TableCell>账期</TableCell>
              <TableCell>账单</TableCell>
              <TableCell>房屋</TableCell>
              <TableCell>状态</TableCell>
              <TableCell>应收</TableCell>
              <TableCell>已收</TableCell>
              <TableCell>未缴</TableCell>
              <TableCell>本次缴</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {bills.map((bill) => (
              <TableRow key={bill.id} data-testid={`collect-bill-${bill.id}`} onClick={() => toggle(bill.id)}>
                <TableCell>
                  <CheckBox id={`collect-bill-${bill.id}`} checked={ticked.has(bill.id)} onChange={() => undefined} />
                </TableCell>
                <TableCell>{bill.period}</TableCell>
                <TableCell>{bill.description}</TableCell>
                <TableCell>{bill.unitLabel}</TableCell>
                <TableCell>{custom.statuses?.[bill.status] ?? bill.status}</TableCell>
                <TableCell>{formatFen(bill.amount)}</TableCell>
                <TableCell>{formatFen(bill.paidAmount)}</TableCell>
                <TableCell>{formatFen(bill.due)}</TableCell>
                <TableCell>{ticked.has(bill.id) ? formatFen(shares.get(bill.id) ?? 0) : ''}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
        <Text mb="sm">
          已选 {ticked.size} 张，未缴合计 {formatFen(totalDue(ticked))}
        </Text>
        <FormMessage>{errors.billIds?.message}</FormMessage>
      </FormGroup>
      <FormGroup error={Boolean(errors.amount)} data-testid="collect-amount">
        <Label required>收款金额（元）</Label>
        <Input
          width={240}
          inputMode="decimal"
          value={amountText}
          onChange={(e: React.ChangeEvent<HTMLInputElement>) => setAmountText(e.target.value)}
        />
        <Text color="grey60" fontSize="sm">
          按账期从早到晚分摊；少于合计时，最后一张账单部分缴纳。
        </Text>
        <FormMessage>{errors.amount?.message}</FormMessage>
      </FormGroup>
      <FormGroup error={Boolean(errors.method)} data-testid="collect-method">
        <Label required>收款方式</Label>
        <Select
          options={custom.methods ?? []}
          placeholder="请选择…"
          value={(custom.methods ?? []).find((o) => o.value === method) ?? null}
          onChange={(selected: Option | null) => setMethod(selected?.value ?? '')}
        />
        <FormMessage>{errors.method?.message}</FormMessage>
      </FormGroup>
      {method === 'cash' ? (
        <FormGroup error={Boolean(errors.tendered)} data-testid="collect-tendered">
          <Label>实收现金（元）</Label>
          <Input
            width={240}
            inputMode="decimal"
            value={tenderedText}
            onChange={(e: React.ChangeEvent<HTMLInputElement>) => setTenderedText(e.target.value)}
          />
          <Text data-testid="collect-change">
            {change === null ? '找零：—' : change >= 0 ? `找零：${formatFen(change)}` : `还差：${formatFen(-change)}`}
          </Text>
          <FormMessage>{errors.tendered?.message}</FormMessage>
        </FormGroup>
      ) : null}
      <FormGroup error={Boolean(errors.payerName)}>
        <Label>交款人（留空为业主本人）</Label>
        <Input
          width={240}
          value={payerName}
          onChange={(e: React.ChangeEvent<HTMLInputElement>) => setPayerName(e.target.value)}
        />
        <FormMessage>{errors.payerName?.message}</FormMessage>
      </FormGroup>
      <Button variant="contained" disabled={busy || ticked.size === 0} onClick={submit}>
        开收据
      </Button>
    </Box>
  );
};

export default CollectForm;
